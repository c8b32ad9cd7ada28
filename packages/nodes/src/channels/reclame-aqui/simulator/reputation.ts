import { hugmeStatus, raStatus } from '../hugme-enums.js';
import type { RaStore } from './ra-store.js';

/** The five periods of §1.7.6, computed from the store (a superset of the typed fields) [A]. */
export function reputationOf(store: RaStore, companyId: number) {
  const tickets = store.tickets.filter((t) => t.json.company.id === companyId).map((t) => t.json);
  const answered = tickets.filter((t) => t.ra_status.id !== raStatus.notAnswered.id).length;
  const evaluated = tickets.filter((t) => Number(t['rating']) >= 0);
  const solved = evaluated.filter((t) => t['resolved_issue'] === true).length;
  const dealAgain = evaluated.filter((t) => t['back_doing_business'] === true).length;
  const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);
  const avgGrade =
    evaluated.length === 0
      ? 0
      : Math.round(
          (evaluated.reduce((s, t) => s + Number(t['rating']), 0) / evaluated.length) * 10,
        ) / 10;
  const periods = [
    ['SEISMESES', '6 meses'],
    ['DOZEMESES', '12 meses'],
    ['UMANOATRAS', '1 ano atrás'],
    ['DOISANOSATRAS', '2 anos atrás'],
    ['GERAL', 'Geral'],
  ];
  return periods.map(([periodKey, periodAlias]) => ({
    period: { periodKey, periodAlias },
    responseIndex: pct(answered, tickets.length),
    solutionsPercentage: pct(solved, evaluated.length),
    avgGrade,
    finalGrade: avgGrade,
    complaintsCount: tickets.length,
    reputation: { code: 'NOREP', name: 'Sem índice' },
    dealAgainPercentage: pct(dealAgain, evaluated.length),
    totalAnswered: answered,
    totalNotAnswered: tickets.length - answered,
    totalNotEvaluated: tickets.filter(
      (t) => Number(t['rating']) < 0 && t.hugme_status.id !== hugmeStatus.closed.id,
    ).length,
  }));
}
