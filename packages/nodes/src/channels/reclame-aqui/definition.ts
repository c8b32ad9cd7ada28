import { defineChannel } from '@attendflow/engine';
import {
  moderationReasonsPtBr,
  moderationRequestSchema,
  reasonOptions,
} from './moderation-request.js';
import { raRequestEvaluation } from './nodes/ra-request-evaluation.js';
import { raRequestModeration } from './nodes/ra-request-moderation.js';
import { reclameAquiSettings } from './settings.js';

/**
 * Reclame Aqui complaints through the HugMe API: automatic messages go privately (e-mail to the
 * consumer), one public answer written by an agent, receptive only, 25–30 s between messages,
 * evaluation once the public answer is given, moderation requests by agents.
 */
export const reclameAqui = defineChannel({
  type: 'reclame-aqui',
  label: 'Reclame Aqui',
  icon: 'reclame-aqui',
  description:
    'Complaints on Reclame Aqui (HugMe API), answered privately or with one public answer.',
  settings: reclameAquiSettings,
  policies: {
    visibilities: ['public', 'private'],
    automaticVisibility: 'private',
    publicAnswer: { author: 'agent', max: 1 },
    receptiveOnly: true,
    minSpacingMs: 25_000,
    evaluation: { requires: 'public-answer', once: true },
    attachments: true,
  },
  actions: {
    'moderation.request': {
      label: 'Request moderation',
      payload: moderationRequestSchema,
      // Agents from the inbox, or the flow's own moderation node.
      by: 'any',
    },
  },
  nodes: [raRequestModeration, raRequestEvaluation],
  i18n: {
    'pt-BR': {
      label: 'Reclame Aqui',
      description:
        'Reclamações no Reclame Aqui (API HugMe), respondidas em mensagem privada ou com uma resposta pública.',
      fields: {
        description: { label: 'Descrição', help: 'Como a sua equipe reconhece este canal.' },
        companyEmail: {
          label: 'E-mail da empresa',
          help: 'O mesmo e-mail de contato da empresa cadastrado no Reclame Aqui.',
        },
        callbackUrl: {
          label: 'URL de callback',
          help: 'Somente leitura: informe este endereço ao Reclame Aqui para que ele avise o attendflow de cada mudança.',
        },
        baseUrl: {
          label: 'Endereço da API',
          help: 'A API HugMe; altere só para apontar para um simulador ou um proxy.',
        },
        user: {
          label: 'Usuário',
          help: 'O usuário da API fornecido pelo Reclame Aqui com o contrato (o client id OAuth).',
        },
        password: {
          label: 'Senha',
          help: 'A senha da API fornecida pelo Reclame Aqui (o client secret OAuth).',
        },
        syncIntervalMinutes: {
          label: 'Intervalo de sincronia (minutos)',
          help: 'De 10 a 1440. As respostas são enviadas ao Reclame Aqui na hora, de qualquer forma.',
        },
        retroactiveMonths: {
          label: 'Retroativo (em meses)',
          help: 'Quantos meses para trás as reclamações são sincronizadas, em qualquer status; 0 = só as de hoje.',
        },
        syncGroup: {
          label: 'Grupo de sincronismo',
          help: 'Grupo prioritário durante a sincronia geral.',
        },
        companyPageId: {
          label: 'Página que será usada nessa integração',
          help: 'A página da empresa no Reclame Aqui usada por esta integração: busque as páginas depois de informar usuário e senha.',
        },
        companyName: {
          label: 'Nome da empresa',
          help: 'Empresa proprietária da página no Reclame Aqui.',
        },
        raCompanyId: { label: 'Identificação no RA', help: 'O id da empresa no Reclame Aqui.' },
        defaultUser: {
          label: 'Usuário',
          help: 'Atendente registrado como criador dos novos atendimentos.',
        },
        defaultSector: {
          label: 'Setor',
          help: 'Setor responsável pelos atendimentos do canal.',
        },
        defaultOccurrenceType: {
          label: 'Tipo de ocorrência',
          help: 'Assunto principal dado aos novos atendimentos.',
        },
        defaultOccurrence: {
          label: 'Ocorrência',
          help: 'Ocorrência (subassunto) dada aos novos atendimentos.',
        },
        defaultSolution: {
          label: 'Solução',
          help: 'Solução registrada quando um atendimento é encerrado sem uma.',
        },
        spacingSeconds: {
          label: 'Intervalo entre mensagens (segundos)',
          help: 'O Reclame Aqui pede de 25 a 30 segundos entre mensagens seguidas.',
        },
      },
      groups: {
        Connection: 'Conexão',
        Sync: 'Sincronia',
        'Company page': 'Página da empresa',
        'New attendances': 'Novos atendimentos',
        Delivery: 'Envio',
      },
      actions: {
        'moderation.request': {
          label: 'Solicitar moderação',
          fields: {
            reason: { label: 'Motivo', options: reasonOptions(moderationReasonsPtBr) },
            message: { label: 'Mensagem ao Reclame Aqui' },
            migrateTo: {
              label: 'Transferir para a empresa (id no RA)',
              help: 'Obrigatório quando a reclamação é de outra empresa.',
            },
            attachments: { label: 'Anexos' },
          },
        },
      },
    },
  },
  policiesFrom: (settings) => ({ minSpacingMs: settings.spacingSeconds * 1000 }),
  // The user who creates attendances is a record, not an assignee: agents take them in the inbox.
  defaultsFrom: (settings) =>
    pick({
      sector: settings.defaultSector,
      occurrenceType: settings.defaultOccurrenceType,
      occurrence: settings.defaultOccurrence,
      solution: settings.defaultSolution,
    }),
});

function pick(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
