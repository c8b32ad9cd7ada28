import type { IssueMessages } from './messages-issues-en';

/** Os problemas de fluxo em português do Brasil: as mesmas chaves de `messages-issues-en.ts`. */
export const issueMessagesPtBr: IssueMessages = {
  'issue.FLOW_SCHEMA_VERSION_UNSUPPORTED':
    'o documento tem schemaVersion {version}, mais nova que a deste motor ({current}); atualize o attendflow',
  'issue.FLOW_SCHEMA_INVALID': 'o campo {field} do documento não é válido: {detail}',
  'issue.FLOW_DUPLICATE_ID': 'outro item já usa o id "{id}"',
  'issue.FLOW_UNKNOWN_NODE_TYPE': 'tipo de nó desconhecido: "{type}"',
  'issue.FLOW_NODE_VERSION_UNSUPPORTED':
    'a versão {typeVersion} deste nó é mais nova que a do tipo "{type}" neste motor (versão {version}); atualize o attendflow',
  'issue.FLOW_NODE_MIGRATION_FAILED':
    'não foi possível migrar as configurações da versão {typeVersion} para a versão {version}: {reason}',
  'issue.FLOW_NODE_SETTINGS_INVALID': 'valor inválido em {field}: {detail}',
  'issue.FLOW_NODE_CHANNEL_MISMATCH': 'este nó só funciona em {channels}, não em {channel}',
  'issue.FLOW_NO_TRIGGER':
    'o fluxo não tem gatilho: todo fluxo começa em exatamente um nó de gatilho',
  'issue.FLOW_MULTIPLE_TRIGGERS':
    'um fluxo tem um único gatilho, e {triggerNodeId} já é o gatilho deste fluxo',
  'issue.FLOW_EDGE_INTO_TRIGGER':
    'esta conexão leva ao gatilho {triggerNodeId}: o fluxo começa ali e não pode voltar',
  'issue.FLOW_EDGE_DANGLING': 'esta conexão liga o nó "{missing}", que não existe',
  'issue.FLOW_EDGE_UNKNOWN_PORT': '{sourceNodeId} não tem a saída "{port}" (saídas: {ports})',
  'issue.FLOW_PORT_MULTIPLE_EDGES':
    'a saída "{port}" de {sourceNodeId} já tem uma conexão; cada saída leva a um único nó',
  'issue.FLOW_PORT_UNCONNECTED':
    'a saída "{port}" não está conectada: o fluxo termina ali e os atendentes assumem a conversa',
  'issue.FLOW_NODE_UNREACHABLE':
    'nenhum caminho a partir do gatilho chega aqui: este nó nunca é executado',
  'issue.FLOW_CYCLE_WITHOUT_WAIT':
    'um laço de {count} nó(s) ({nodeIds}) nunca espera por um evento: ele rodaria para sempre. Inclua no laço um nó que espere',
  'issue.FLOW_UNKNOWN_CHANNEL': 'tipo de canal desconhecido: "{channel}" (conhecidos: {known})',
  'issue.CHANNEL_AUTOMATIC_VISIBILITY':
    'esta mensagem está marcada como {visibility}, mas no {channel} toda mensagem automática é {automaticVisibility}: ela será enviada como {automaticVisibility}',
  'issue.CHANNEL_VISIBILITY_UNSUPPORTED':
    'esta mensagem está marcada como {visibility}, mas o {channel} não tem mensagem {visibility}: ela será enviada como {sentVisibility}',
  'issue.CHANNEL_BODY_TOO_LONG':
    'a mensagem tem {length} caracteres; o {channel} aceita no máximo {max}',
  'issue.CHANNEL_ATTACHMENTS_UNSUPPORTED':
    'a mensagem tem anexos, mas o {channel} não aceita anexos',
  'issue.CHANNEL_EVALUATION_UNSUPPORTED':
    'este nó solicita uma avaliação, mas o {channel} não tem avaliação',
  'issue.CHANNEL_EVALUATION_BEFORE_ANSWER':
    'em algum caminho a partir do gatilho, este nó solicita a avaliação antes da resposta da empresa; o {channel} só aceita a solicitação depois dela',
  'issue.CHANNEL_PUBLIC_ANSWER_LIMIT':
    'em algum caminho a partir do gatilho, as respostas públicas já foram dadas antes deste nó; o {channel} aceita no máximo {max} por conversa: esta será recusada',
  'issue.CHANNEL_NOT_AWAITING_COMPANY':
    'este nó escreve sem um nó de espera desde a mensagem anterior; o {channel} só aceita resposta enquanto a conversa aguarda a empresa: ela será recusada',
  'issue.CHANNEL_RECEPTIVE_ONLY':
    'este nó escreve ao cliente depois que {closerNodeId} encerrou o atendimento; o {channel} é apenas receptivo: nada pode ser enviado após o encerramento',
  'issue.CHANNEL_ACTION_UNSUPPORTED': 'este nó solicita "{action}", que o {channel} não tem',
  'issue.visibility.public': 'pública',
  'issue.visibility.private': 'privada',
};
