// Endpoint 13 (`GET /ticket/v1/tickets/moderation/companies`): the companies a complaint can be
// moved to with moderation reason 1. Only the path and the `companyName`, `page` and `limit`
// parameters are confirmed [C×2]; the matching, the order and the envelope are ours [A].

/** A company of RA's directory, as the organization list shows it (§1.7.5). */
export interface DirectoryCompany {
  companyId: number;
  name: string;
}

/** Invented companies the simulator knows besides the clients' own pages. */
export const seededDirectory: readonly DirectoryCompany[] = [
  { companyId: 5678, name: 'Empresa Vizinha' },
  { companyId: 7001, name: 'Açaí da Praça' },
  { companyId: 7002, name: 'Academia Movimento' },
  { companyId: 7003, name: 'Água Limpa Saneamento' },
  { companyId: 7004, name: 'Banco Exemplo S.A.' },
  { companyId: 7005, name: 'Companhia Aérea Exemplo' },
  { companyId: 7006, name: 'Confiança Imóveis' },
  { companyId: 7007, name: 'Construtora Horizonte' },
  { companyId: 7008, name: 'Eletrônicos Vizinha' },
  { companyId: 7009, name: 'Energia Clara' },
  { companyId: 7010, name: 'Escola Saber' },
  { companyId: 7011, name: 'Farmácia São João Exemplo' },
  { companyId: 7012, name: 'Horizonte Viagens' },
  { companyId: 7013, name: 'Loja Exemplo Calçados' },
  { companyId: 7014, name: 'Loja Exemplo Eletro' },
  { companyId: 7015, name: 'Mercado Bom Preço' },
  { companyId: 7016, name: 'Móveis Horizonte' },
  { companyId: 7017, name: 'Operadora de Saúde Exemplo' },
  { companyId: 7018, name: 'Ótica Visão' },
  { companyId: 7019, name: 'Padaria Pão Quente' },
  { companyId: 7020, name: 'Pet Amigo' },
  { companyId: 7021, name: 'Rápido Entregas' },
  { companyId: 7022, name: 'Seguradora Confiança' },
  { companyId: 7023, name: 'Telefônica Exemplo' },
  { companyId: 7024, name: 'Transportadora Rápida' },
];

/** A parsed search. */
export interface CompanySearch {
  name: string;
  page: number;
  limit: number;
}

/** Lower case, accents and repeated spaces away: "Açaí  da" matches "acai da" [A]. */
export const foldName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Reads `companyName` (required), `page` (1-based, default 1) and `limit` (default 10; above
 * `max` clamped or refused) [A for defaults and errors].
 */
export function parseCompanySearch(
  query: URLSearchParams,
  sizes: { max: number; overMax: 'clamp' | 'reject' },
): { ok: true; search: CompanySearch } | { ok: false; message: string } {
  const name = foldName(query.get('companyName') ?? '');
  if (name === '') return { ok: false, message: 'companyName is required' };
  const positive = (field: 'page' | 'limit', fallback: number) => {
    const text = query.get(field);
    if (text === null || text === '') return fallback;
    const value = Number(text);
    return Number.isInteger(value) && value >= 1 ? value : null;
  };
  const page = positive('page', 1);
  if (page === null) return { ok: false, message: 'page: a positive integer' };
  let limit = positive('limit', 10);
  if (limit === null) return { ok: false, message: 'limit: a positive integer' };
  if (limit > sizes.max) {
    if (sizes.overMax === 'reject') return { ok: false, message: `limit: at most ${sizes.max}` };
    limit = sizes.max;
  }
  return { ok: true, search: { name, page, limit } };
}

/** Names containing the search, those that start with it first, then alphabetically [A]. */
export function searchCompanies(
  directory: readonly DirectoryCompany[],
  search: CompanySearch,
): { total: number; page: DirectoryCompany[] } {
  const found = directory
    .map((company) => ({ company, folded: foldName(company.name) }))
    .filter(({ folded }) => folded.includes(search.name))
    .sort(
      (a, b) =>
        Number(!a.folded.startsWith(search.name)) - Number(!b.folded.startsWith(search.name)) ||
        a.folded.localeCompare(b.folded) ||
        a.company.companyId - b.company.companyId,
    )
    .map(({ company }) => company);
  const start = (search.page - 1) * search.limit;
  return { total: found.length, page: found.slice(start, start + search.limit) };
}
