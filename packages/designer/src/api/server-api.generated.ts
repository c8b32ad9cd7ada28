// Generated from the server's OpenAPI document by `pnpm --filter @attendflow/server api-types`
// (packages/server/src/openapi/api-types.ts). Do not edit: change the route's zod schema.
import type { Flow, FlowInput, Json } from '@attendflow/engine';

export interface paths {
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with e-mail and password; returns a bearer token */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              token: string;
              user: {
                createdAt: string;
                email: string;
                id: string;
                isDisabled: boolean;
                name: string;
                /** @enum {string} */
                role: 'admin' | 'agent';
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke the token used for this call */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              email: string;
              id: string;
              name: string;
              /** @enum {string} */
              role: 'admin' | 'agent';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every channel type: policies, actions and settings schema, in the asked language */
    get: {
      parameters: {
        query?: {
          lang?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actions: {
                /** @enum {string} */
                by: 'agent' | 'bot' | 'any';
                label: string;
                payloadSchema: {
                  [key: string]: unknown;
                };
                type: string;
              }[];
              description: string | null;
              icon: string;
              label: string;
              locale: string;
              nodeTypes: string[];
              policies: {
                answerDeadlineMs?: number;
                /** @default false */
                attachments: boolean;
                /** @enum {string} */
                automaticVisibility?: 'public' | 'private';
                evaluation?: {
                  /** @default true */
                  once: boolean;
                  /**
                   * @default none
                   * @enum {string}
                   */
                  requires: 'none' | 'company-message' | 'public-answer';
                };
                maxBodyLength?: number;
                /** @default 0 */
                minSpacingMs: number;
                publicAnswer?: {
                  /**
                   * @default any
                   * @enum {string}
                   */
                  author: 'agent' | 'any';
                  max?: number;
                };
                /** @default false */
                receptiveOnly: boolean;
                /** @default false */
                replyOnlyWhenAwaitingCompany: boolean;
                /**
                 * @default [
                 *       "public"
                 *     ]
                 */
                visibilities: ('public' | 'private')[];
              };
              secretFields: string[];
              settingsSchema: {
                [key: string]: unknown;
              };
              type: string;
            }[];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/inbound': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A channel delivers customer events (authenticated by the channel) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              results: {
                conversationId: string | null;
                error?: {
                  code: string;
                  message: string;
                };
                externalId: string;
                /** @enum {string} */
                status: 'applied' | 'duplicate' | 'rejected' | 'failed';
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List channel connections */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              flowId: string | null;
              id: string;
              inboundUrl: string;
              name: string;
              secretsSet: string[];
              settings: {
                [key: string]: unknown;
              };
              /** @enum {string} */
              status: 'active' | 'disabled';
              type: string;
              updatedAt: string;
            }[];
          };
        };
      };
    };
    put?: never;
    /** Connect a channel */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            flowId?: string;
            name: string;
            settings: {
              [key: string]: unknown;
            };
            type: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              flowId: string | null;
              id: string;
              inboundUrl: string;
              name: string;
              secretsSet: string[];
              settings: {
                [key: string]: unknown;
              };
              /** @enum {string} */
              status: 'active' | 'disabled';
              type: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel connection */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              flowId: string | null;
              id: string;
              inboundUrl: string;
              name: string;
              secretsSet: string[];
              settings: {
                [key: string]: unknown;
              };
              /** @enum {string} */
              status: 'active' | 'disabled';
              type: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a connection; secrets left out keep their value */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            flowId?: string | null;
            name?: string;
            settings?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              flowId: string | null;
              id: string;
              inboundUrl: string;
              name: string;
              secretsSet: string[];
              settings: {
                [key: string]: unknown;
              };
              /** @enum {string} */
              status: 'active' | 'disabled';
              type: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/connections/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop the connection: its webhook refuses deliveries */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              flowId: string | null;
              id: string;
              inboundUrl: string;
              name: string;
              secretsSet: string[];
              settings: {
                [key: string]: unknown;
              };
              /** @enum {string} */
              status: 'active' | 'disabled';
              type: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start the connection again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              flowId: string | null;
              id: string;
              inboundUrl: string;
              name: string;
              secretsSet: string[];
              settings: {
                [key: string]: unknown;
              };
              /** @enum {string} */
              status: 'active' | 'disabled';
              type: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{id}/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the channel sync stands (first import progress, last run, last error) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              status: {
                itemsIngested: number;
                lastError: string | null;
                lastRunAt: string | null;
                nextRunAt: string;
                progress: {
                  done: boolean;
                  itemsImported: number;
                  pagesDone: number;
                  pagesKnown: number;
                } | null;
                runs: number;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    /** Pull from the channel now instead of at the next interval */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              requested: true;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check the connection against its channel (credentials, reachability) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              facts?: {
                [key: string]: unknown;
              };
              ok: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check unsaved settings against the channel (e.g. to list Reclame Aqui company pages) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            settings: {
              [key: string]: unknown;
            };
            type: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              facts?: {
                [key: string]: unknown;
              };
              ok: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Conversations, newest first; `nextCursor` fetches the next page */
    get: {
      parameters: {
        query?: {
          assignee?: string;
          channel?: string;
          connectionId?: string;
          cursor?: string;
          limit?: number;
          sector?: string;
          status?: string;
          text?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                answerDueAt: string | null;
                assignee: string | null;
                channel: string;
                closedAt: string | null;
                connectionId: string;
                createdAt: string;
                customer: {
                  [key: string]: unknown;
                };
                externalId: string;
                flowState: string;
                flowVersionId: string;
                id: string;
                occurrence: string | null;
                occurrenceType: string | null;
                queue: string | null;
                sector: string | null;
                solution: string | null;
                /** @enum {string} */
                status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
                subject: string | null;
                updatedAt: string;
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A conversation with its transcript and event log */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              answerDueAt: string | null;
              assignee: string | null;
              channel: string;
              closedAt: string | null;
              connectionId: string;
              createdAt: string;
              customer: {
                [key: string]: unknown;
              };
              events: {
                actor: string | null;
                createdAt: string;
                effects: unknown[];
                payload: {
                  [key: string]: unknown;
                };
                seq: number;
                trace: unknown[];
                type: string;
              }[];
              externalId: string;
              flowState: string;
              flowVersion: {
                flowId: string;
                id: string;
                number: number;
              } | null;
              flowVersionId: string;
              id: string;
              occurrence: string | null;
              occurrenceType: string | null;
              queue: string | null;
              sector: string | null;
              solution: string | null;
              /** @enum {string} */
              status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
              subject: string | null;
              transcript: {
                agentId: string | null;
                attachments: unknown[];
                /** @enum {string} */
                author: 'customer' | 'bot' | 'agent';
                createdAt: string;
                /** @enum {string} */
                direction: 'inbound' | 'outbound';
                error: string | null;
                id: string;
                nodeId: string | null;
                notBefore: string | null;
                sentAt: string | null;
                /** @enum {string} */
                state: 'received' | 'pending' | 'sent' | 'dead';
                text: string;
                /** @enum {string|null} */
                visibility: 'public' | 'private' | null;
              }[];
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/actions/{action}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Request a channel action (Wish close, appeal, re-open, reply-and-resolve …) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          action: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                answerDueAt: string | null;
                assignee: string | null;
                channel: string;
                closedAt: string | null;
                connectionId: string;
                createdAt: string;
                customer: {
                  [key: string]: unknown;
                };
                externalId: string;
                flowState: string;
                flowVersionId: string;
                id: string;
                occurrence: string | null;
                occurrenceType: string | null;
                queue: string | null;
                sector: string | null;
                solution: string | null;
                /** @enum {string} */
                status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
                subject: string | null;
                updatedAt: string;
                version: number;
              };
              seq: number | null;
              /** @enum {string} */
              status: 'applied' | 'duplicate';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/channel-queries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The queries the conversation’s channel answers for the caller */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @enum {string} */
                audience: 'agent' | 'admin';
                inputSchema: {
                  [key: string]: unknown;
                };
                label: string;
                name: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/channel-queries/{query}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ask the conversation’s channel a query; its parameters (listed, with their JSON Schema, by GET …/channel-queries) go in the query string */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          query: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close the attendance with a solution */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            solution?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                answerDueAt: string | null;
                assignee: string | null;
                channel: string;
                closedAt: string | null;
                connectionId: string;
                createdAt: string;
                customer: {
                  [key: string]: unknown;
                };
                externalId: string;
                flowState: string;
                flowVersionId: string;
                id: string;
                occurrence: string | null;
                occurrenceType: string | null;
                queue: string | null;
                sector: string | null;
                solution: string | null;
                /** @enum {string} */
                status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
                subject: string | null;
                updatedAt: string;
                version: number;
              };
              seq: number | null;
              /** @enum {string} */
              status: 'applied' | 'duplicate';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the calling agent may do now, as the engine decides (nothing is applied) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              close: {
                allowed: boolean;
                code: string | null;
                message: string | null;
              };
              reply: {
                private: {
                  allowed: boolean;
                  code: string | null;
                  message: string | null;
                };
                public: {
                  allowed: boolean;
                  code: string | null;
                  message: string | null;
                };
              };
              requestEvaluation: {
                allowed: boolean;
                code: string | null;
                message: string | null;
              };
              transfer: {
                allowed: boolean;
                code: string | null;
                message: string | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/predefined-messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The predefined messages that apply to the conversation, filled from it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channel: string | null;
                id: string;
                rendered: string;
                sector: string | null;
                text: string;
                title: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer the customer; public or private where the channel has both */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            attachments?: {
              contentType?: string;
              name: string;
              size?: number;
              url: string;
            }[];
            text: string;
            /** @enum {string} */
            visibility?: 'public' | 'private';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                answerDueAt: string | null;
                assignee: string | null;
                channel: string;
                closedAt: string | null;
                connectionId: string;
                createdAt: string;
                customer: {
                  [key: string]: unknown;
                };
                externalId: string;
                flowState: string;
                flowVersionId: string;
                id: string;
                occurrence: string | null;
                occurrenceType: string | null;
                queue: string | null;
                sector: string | null;
                solution: string | null;
                /** @enum {string} */
                status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
                subject: string | null;
                updatedAt: string;
                version: number;
              };
              seq: number | null;
              /** @enum {string} */
              status: 'applied' | 'duplicate';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/request-evaluation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the customer to evaluate the attendance */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                answerDueAt: string | null;
                assignee: string | null;
                channel: string;
                closedAt: string | null;
                connectionId: string;
                createdAt: string;
                customer: {
                  [key: string]: unknown;
                };
                externalId: string;
                flowState: string;
                flowVersionId: string;
                id: string;
                occurrence: string | null;
                occurrenceType: string | null;
                queue: string | null;
                sector: string | null;
                solution: string | null;
                /** @enum {string} */
                status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
                subject: string | null;
                updatedAt: string;
                version: number;
              };
              seq: number | null;
              /** @enum {string} */
              status: 'applied' | 'duplicate';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/request-moderation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the channel to moderate the complaint (Reclame Aqui) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                answerDueAt: string | null;
                assignee: string | null;
                channel: string;
                closedAt: string | null;
                connectionId: string;
                createdAt: string;
                customer: {
                  [key: string]: unknown;
                };
                externalId: string;
                flowState: string;
                flowVersionId: string;
                id: string;
                occurrence: string | null;
                occurrenceType: string | null;
                queue: string | null;
                sector: string | null;
                solution: string | null;
                /** @enum {string} */
                status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
                subject: string | null;
                updatedAt: string;
                version: number;
              };
              seq: number | null;
              /** @enum {string} */
              status: 'applied' | 'duplicate';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/take': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take the conversation: it is assigned to the caller */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                answerDueAt: string | null;
                assignee: string | null;
                channel: string;
                closedAt: string | null;
                connectionId: string;
                createdAt: string;
                customer: {
                  [key: string]: unknown;
                };
                externalId: string;
                flowState: string;
                flowVersionId: string;
                id: string;
                occurrence: string | null;
                occurrenceType: string | null;
                queue: string | null;
                sector: string | null;
                solution: string | null;
                /** @enum {string} */
                status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
                subject: string | null;
                updatedAt: string;
                version: number;
              };
              seq: number | null;
              /** @enum {string} */
              status: 'applied' | 'duplicate';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand the conversation to another sector: it waits there, unassigned */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            sector: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                answerDueAt: string | null;
                assignee: string | null;
                channel: string;
                closedAt: string | null;
                connectionId: string;
                createdAt: string;
                customer: {
                  [key: string]: unknown;
                };
                externalId: string;
                flowState: string;
                flowVersionId: string;
                id: string;
                occurrence: string | null;
                occurrenceType: string | null;
                queue: string | null;
                sector: string | null;
                solution: string | null;
                /** @enum {string} */
                status: 'waiting' | 'in-attendance' | 'awaiting-evaluation' | 'closed';
                subject: string | null;
                updatedAt: string;
                version: number;
              };
              seq: number | null;
              /** @enum {string} */
              status: 'applied' | 'duplicate';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Figures of the conversations created in a period (UTC days, both ends included) */
    get: {
      parameters: {
        query?: {
          channel?: string;
          from?: string;
          sector?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              answerWindow: {
                channel: string;
                deadlineHours: number;
                inTime: number;
                late: number;
                open: number;
              }[];
              evaluations: {
                avgScore: number | null;
                bad: number;
                count: number;
                good: number;
                notResolved: number;
                resolved: number;
                scores: {
                  count: number;
                  score: number;
                }[];
              };
              failedDeliveries: {
                byDay: {
                  count: number;
                  day: string;
                  key: string | null;
                }[];
                total: number;
              };
              firstResponse: {
                avgSeconds: number | null;
                count: number;
                medianSeconds: number | null;
                p90Seconds: number | null;
              };
              perDay: {
                byChannel: {
                  count: number;
                  day: string;
                  key: string | null;
                }[];
                bySector: {
                  count: number;
                  day: string;
                  key: string | null;
                }[];
              };
              period: {
                from: string;
                to: string;
              };
              resolution: {
                avgSeconds: number | null;
                count: number;
                medianSeconds: number | null;
                p90Seconds: number | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List flows with their latest published version */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              latestVersion: number | null;
              name: string;
              revision: number;
              updatedAt: string;
            }[];
          };
        };
      };
    };
    put?: never;
    /** Create a flow; its draft is the given document or a lone trigger */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            document?: {
              [key: string]: unknown;
            };
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              draft: components['schemas']['Flow'];
              id: string;
              latestVersion: number | null;
              name: string;
              revision: number;
              updatedAt: string;
              updatedBy: string | null;
              versions: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A flow with its draft */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              draft: components['schemas']['Flow'];
              id: string;
              latestVersion: number | null;
              name: string;
              revision: number;
              updatedAt: string;
              updatedBy: string | null;
              versions: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/analytics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per node and per edge figures of a flow version (the latest when none is given) */
    get: {
      parameters: {
        query?: {
          version?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversations: number;
              edges: {
                edgeId: string;
                source: string;
                sourcePort: string;
                target: string;
                traversals: number;
              }[];
              flowId: string;
              nodes: {
                dropOff: number;
                entries: number;
                exits: {
                  [key: string]: number;
                };
                label: string | null;
                nodeId: string;
                type: string;
                visits: number;
                waiting: number;
              }[];
              version: {
                createdAt: string;
                id: string;
                number: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What changed between two versions (or a version and the draft) */
    get: {
      parameters: {
        query: {
          from: 'draft' | number;
          to: 'draft' | number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              document: {
                description?: {
                  after: string | null;
                  before: string | null;
                };
                name?: {
                  after: string;
                  before: string;
                };
              };
              edges: {
                added: {
                  id: string;
                  source: string;
                  sourcePort: string;
                  target: string;
                }[];
                removed: {
                  id: string;
                  source: string;
                  sourcePort: string;
                  target: string;
                }[];
              };
              from: 'draft' | number;
              hasChanges: boolean;
              nodes: {
                added: {
                  id: string;
                  label?: string;
                  type: string;
                }[];
                changed: {
                  id: string;
                  label?: {
                    after: string | null;
                    before: string | null;
                  };
                  position?: {
                    after: {
                      x: number;
                      y: number;
                    };
                    before: {
                      x: number;
                      y: number;
                    };
                  };
                  settings: string[];
                  type: string;
                  typeChange?: {
                    after: string;
                    before: string;
                  };
                  typeVersion?: {
                    after: number;
                    before: number;
                  };
                }[];
                removed: {
                  id: string;
                  label?: string;
                  type: string;
                }[];
              };
              notes: {
                added: string[];
                changed: string[];
                removed: string[];
              };
              to: 'draft' | number;
              variables: {
                added: {
                  /** @default null */
                  default: components['schemas']['Json'];
                  description?: string;
                  name: string;
                }[];
                changed: {
                  default?: {
                    after: components['schemas']['Json'];
                    before: components['schemas']['Json'];
                  };
                  description?: {
                    after: string | null;
                    before: string | null;
                  };
                  name: string;
                }[];
                removed: {
                  /** @default null */
                  default: components['schemas']['Json'];
                  description?: string;
                  name: string;
                }[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Save the draft; `revision` must be the one you loaded (409 otherwise) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            document: {
              [key: string]: unknown;
            };
            revision: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              draft: components['schemas']['Flow'];
              id: string;
              latestVersion: number | null;
              name: string;
              revision: number;
              updatedAt: string;
              updatedBy: string | null;
              versions: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export a version or the draft (default) as a file POST /flows/import takes back */
    get: {
      parameters: {
        query?: {
          version?: 'draft' | number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {number} */
              attendflowExport: 1;
              document: components['schemas']['Flow'];
              exportedAt: string;
              name: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish the draft as a new version; refused (400 FLOW_INVALID) when it has errors */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            message: string;
            revision?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              issues: {
                channel?: string;
                code: string;
                edgeId?: string;
                message: string;
                nodeId?: string;
                params?: {
                  [key: string]: string | number;
                };
                path?: (string | number)[];
                /** @enum {string} */
                severity: 'error' | 'warning';
              }[];
              version: {
                author: {
                  id: string;
                  name: string;
                } | null;
                createdAt: string;
                id: string;
                message: string;
                number: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish an old version again as a new version, and make it the draft */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            message?: string;
            number: number;
            revision?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              issues: {
                channel?: string;
                code: string;
                edgeId?: string;
                message: string;
                nodeId?: string;
                params?: {
                  [key: string]: string | number;
                };
                path?: (string | number)[];
                /** @enum {string} */
                severity: 'error' | 'warning';
              }[];
              revision: number;
              version: {
                author: {
                  id: string;
                  name: string;
                } | null;
                createdAt: string;
                id: string;
                message: string;
                number: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validate the draft (or a given document) for a channel or the connections running the flow */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channel?: string;
            document?: {
              [key: string]: unknown;
            };
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channels: string[];
              issues: {
                channel?: string;
                code: string;
                edgeId?: string;
                message: string;
                nodeId?: string;
                params?: {
                  [key: string]: string | number;
                };
                path?: (string | number)[];
                /** @enum {string} */
                severity: 'error' | 'warning';
              }[];
              ok: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published versions, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              author: {
                id: string;
                name: string;
              } | null;
              createdAt: string;
              id: string;
              message: string;
              number: number;
            }[];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/{id}/versions/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One published version with its document */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          number: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              author: {
                id: string;
                name: string;
              } | null;
              createdAt: string;
              document: components['schemas']['Flow'];
              id: string;
              message: string;
              number: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import an export envelope or a bare flow document as a new flow (draft) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              draft: components['schemas']['Flow'];
              id: string;
              latestVersion: number | null;
              name: string;
              revision: number;
              updatedAt: string;
              updatedBy: string | null;
              versions: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/node-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every node type with the JSON Schema of its settings, in the asked language */
    get: {
      parameters: {
        query?: {
          lang?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              category: string;
              channels: string[] | null;
              description: string | null;
              icon: string;
              isEntry: boolean;
              label: string;
              locale: string;
              portLabels: {
                [key: string]: string;
              };
              ports: string[] | null;
              settingsSchema: {
                [key: string]: unknown;
              };
              type: string;
              version: number;
              waits: boolean;
            }[];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/predefined-messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Predefined messages (admins), the most specific first */
    get: {
      parameters: {
        query?: {
          channel?: string;
          sector?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: string | null;
              createdAt: string;
              id: string;
              sector: string | null;
              text: string;
              title: string;
              updatedAt: string;
            }[];
          };
        };
      };
    };
    put?: never;
    /** Add a predefined message */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channel?: string | null;
            sector?: string | null;
            text: string;
            title: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: string | null;
              createdAt: string;
              id: string;
              sector: string | null;
              text: string;
              title: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/predefined-messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A predefined message */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: string | null;
              createdAt: string;
              id: string;
              sector: string | null;
              text: string;
              title: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a predefined message */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a predefined message; fields left out keep their value */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channel?: string | null;
            sector?: string | null;
            text?: string;
            title?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: string | null;
              createdAt: string;
              id: string;
              sector: string | null;
              text: string;
              title: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My API tokens (without their text) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'api' | 'session';
              name: string;
              revokedAt: string | null;
            }[];
          };
        };
      };
    };
    put?: never;
    /** Create an API token; its text is shown only in this answer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              name: string;
              token: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of my tokens */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              email: string;
              id: string;
              isDisabled: boolean;
              name: string;
              /** @enum {string} */
              role: 'admin' | 'agent';
            }[];
          };
        };
      };
    };
    put?: never;
    /** Create a user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            name: string;
            password: string;
            /** @enum {string} */
            role: 'admin' | 'agent';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              email: string;
              id: string;
              isDisabled: boolean;
              name: string;
              /** @enum {string} */
              role: 'admin' | 'agent';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description A flow document: nodes, edges between their ports, variables and notes */
    Flow: Flow;
    /** @description A flow document: nodes, edges between their ports, variables and notes */
    FlowInput: FlowInput;
    /** @description Any JSON value */
    Json: Json;
    /** @description Any JSON value */
    JsonInput: Json;
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
