import { fieldsAt, type FieldTranslation, type FieldTranslations } from '@attendflow/engine';

// Brazilian Portuguese of the settings that several node types share; each node puts them under
// its own path with `fieldsAt`, so a shared schema is translated once.

/** The `visibility` field of `visibilityField()`. */
export const visibilityPtBr: FieldTranslation = {
  label: 'Visibilidade',
  help: 'Nos canais com mensagens públicas e privadas. O Reclame Aqui envia toda mensagem automática como privada.',
  options: { default: 'Padrão do canal', public: 'Pública', private: 'Privada' },
};

/** A `saveToField()`: its label and help are the node's, the placeholder is shared. */
export const saveToPtBr = (label: string, help: string): FieldTranslation => ({
  label,
  help,
  placeholder: 'variável',
});

/** The fields of `intervalSchema` (one shift). */
const intervalPtBr: FieldTranslations = {
  from: { label: 'Das', placeholder: '09:00' },
  to: {
    label: 'Às',
    placeholder: '18:00',
    help: 'Um horário anterior ao inicial passa da meia-noite.',
  },
};

/** The fields inside `businessHoursSchema` (a weekly schedule). */
export const schedulePtBr: FieldTranslations = {
  timeZone: {
    label: 'Fuso horário',
    placeholder: 'America/Sao_Paulo',
    help: 'Nome IANA; os horários são a hora local desse fuso.',
  },
  weekly: {
    label: 'Horário semanal',
    help: 'Uma lista de turnos por dia da semana, começando no domingo; lista vazia é fechado.',
  },
  ...fieldsAt('weekly', intervalPtBr),
  holidays: {
    label: 'Feriados',
    help: 'Fechado o dia todo: AAAA-MM-DD, ou MM-DD para todos os anos.',
  },
  specialHours: {
    label: 'Horários especiais',
    help: 'Datas cujo horário substitui o semanal (lista vazia é fechado).',
  },
  'specialHours.date': { label: 'Data' },
  'specialHours.intervals': { label: 'Horários' },
  ...fieldsAt('specialHours.intervals', intervalPtBr),
};

const operatorPtBr: FieldTranslation = {
  label: 'Operador',
  options: {
    equals: 'é igual a',
    'not-equals': 'é diferente de',
    contains: 'contém',
    exists: 'está preenchido',
    gt: 'maior que',
    lt: 'menor que',
  },
};

const valuePtBr: FieldTranslation = {
  label: 'Valor',
  help: 'Textos ignoram maiúsculas e acentos; "10" é igual a 10.',
};

/** The fields of `ruleGroupSchema` (rules joined by all / any). */
export const ruleGroupPtBr: FieldTranslations = {
  match: {
    label: 'Combinar',
    help: 'Todas as regras, ou qualquer uma delas.',
    options: { all: 'Todas as regras', any: 'Qualquer regra' },
  },
  rules: { label: 'Regras' },
  'rules.kind': {
    options: {
      keywords: 'Palavras-chave',
      channel: 'Canal',
      'customer-field': 'Campo do cliente',
      variable: 'Variável',
      'business-hours': 'Horário de atendimento',
    },
  },
  'rules.keywords': {
    label: 'Palavras-chave',
    help: 'Qualquer uma delas serve; maiúsculas, acentos e pontuação são ignorados.',
  },
  'rules.searchIn': {
    label: 'Procurar em',
    help: 'A última mensagem do cliente e/ou o assunto da conversa.',
    options: { message: 'Mensagem', subject: 'Assunto' },
  },
  'rules.wholeWords': {
    label: 'Só palavras inteiras',
    help: 'Desligado: "reembols" também encontra "reembolso".',
  },
  'rules.channels': { label: 'Canais' },
  'rules.field': { label: 'Campo', placeholder: 'fields.plano' },
  'rules.operator': operatorPtBr,
  'rules.value': valuePtBr,
  'rules.name': { label: 'Variável' },
  'rules.is': {
    label: 'Vale quando está',
    options: { open: 'Dentro do horário', closed: 'Fora do horário' },
  },
  'rules.schedule': { label: 'Horário' },
  ...fieldsAt('rules.schedule', schedulePtBr),
};

/** The fields of `routeValuesSchema` (what a route sets on the conversation). */
export const routeValuesPtBr: FieldTranslations = {
  sector: { label: 'Setor', help: 'O setor (equipe) que atende a conversa.' },
  occurrenceType: { label: 'Tipo de ocorrência', help: 'Ex.: "Reclamação", "Dúvida".' },
  occurrence: { label: 'Ocorrência', help: 'Ex.: "Atraso na entrega".' },
  solution: { label: 'Solução', help: 'O código de solução registrado ao encerrar o atendimento.' },
};

/** The labels of the ports every built-in node names alike. */
export const portsPtBr = {
  next: 'próximo',
  answered: 'respondido',
  timeout: 'tempo esgotado',
  refused: 'recusado',
} as const;
