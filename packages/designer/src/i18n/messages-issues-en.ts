/**
 * English texts of the flow issues `validateFlow` reports, one `issue.<code>` per code of
 * `flowIssueCodes` with the issue's params; spread into `messages-en.ts`. The node an issue is
 * about is named beside the text, so the texts say "this node".
 */
export const issueMessagesEn = {
  'issue.FLOW_SCHEMA_VERSION_UNSUPPORTED':
    'schemaVersion {version} is newer than this engine ({current}); upgrade attendflow',
  'issue.FLOW_SCHEMA_INVALID': '{field}: {detail}',
  'issue.FLOW_DUPLICATE_ID': 'another item already has the id "{id}"',
  'issue.FLOW_UNKNOWN_NODE_TYPE': 'unknown node type "{type}"',
  'issue.FLOW_NODE_VERSION_UNSUPPORTED':
    'typeVersion {typeVersion} is newer than this engine’s "{type}" (version {version}); upgrade attendflow',
  'issue.FLOW_NODE_MIGRATION_FAILED':
    'settings of typeVersion {typeVersion} could not be migrated to version {version}: {reason}',
  'issue.FLOW_NODE_SETTINGS_INVALID': '{field}: {detail}',
  'issue.FLOW_NODE_CHANNEL_MISMATCH': 'this node works only on {channels}, not on {channel}',
  'issue.FLOW_NO_TRIGGER': 'the flow has no trigger: every flow starts at exactly one trigger node',
  'issue.FLOW_MULTIPLE_TRIGGERS':
    'a flow has exactly one trigger, and {triggerNodeId} is already one',
  'issue.FLOW_EDGE_INTO_TRIGGER':
    'this edge leads into the trigger {triggerNodeId}: a flow starts there and cannot go back',
  'issue.FLOW_EDGE_DANGLING': 'this edge connects node "{missing}", which does not exist',
  'issue.FLOW_EDGE_UNKNOWN_PORT': '{sourceNodeId} has no port "{port}" (ports: {ports})',
  'issue.FLOW_PORT_MULTIPLE_EDGES':
    'port "{port}" of {sourceNodeId} already has an edge; a port leads to one node',
  'issue.FLOW_PORT_UNCONNECTED':
    'port "{port}" is not connected: the flow ends there and agents carry on',
  'issue.FLOW_NODE_UNREACHABLE': 'no path from the trigger leads here: this node never runs',
  'issue.FLOW_CYCLE_WITHOUT_WAIT':
    'a loop of {count} node(s) ({nodeIds}) never waits for an event: it would run forever. Add a node that waits to the loop',
  'issue.FLOW_UNKNOWN_CHANNEL': 'unknown channel type "{channel}" (known: {known})',
  'issue.CHANNEL_AUTOMATIC_VISIBILITY':
    'this message is {visibility}, but on {channel} automatic messages are {automaticVisibility}: it will be sent as {automaticVisibility}',
  'issue.CHANNEL_VISIBILITY_UNSUPPORTED':
    'this message is {visibility}, but {channel} has no {visibility} messages: it will be sent as {sentVisibility}',
  'issue.CHANNEL_BODY_TOO_LONG':
    'the message has {length} characters; {channel} takes at most {max}',
  'issue.CHANNEL_ATTACHMENTS_UNSUPPORTED':
    'the message carries attachments, but {channel} takes none',
  'issue.CHANNEL_EVALUATION_UNSUPPORTED':
    'this node requests an evaluation, but {channel} has no evaluation',
  'issue.CHANNEL_EVALUATION_BEFORE_ANSWER':
    'on some path from the trigger this node requests the evaluation before the company has answered; {channel} takes the request only after it',
  'issue.CHANNEL_PUBLIC_ANSWER_LIMIT':
    'on some path from the trigger the public answers were already given before this node; {channel} takes at most {max} per conversation: this one will be refused',
  'issue.CHANNEL_NOT_AWAITING_COMPANY':
    'this node writes with no waiting node since the previous message; {channel} takes a reply only while the conversation awaits the company: it will be refused',
  'issue.CHANNEL_RECEPTIVE_ONLY':
    'this node writes to the customer after {closerNodeId} closed the attendance; {channel} is receptive only: nothing can be sent after close',
  'issue.CHANNEL_ACTION_UNSUPPORTED':
    'this node requests "{action}", which {channel} does not have',
  'issue.visibility.public': 'public',
  'issue.visibility.private': 'private',
} as const;

/** The issue catalog's keys: the pt-BR catalog must give every one. */
export type IssueMessages = Record<keyof typeof issueMessagesEn, string>;
