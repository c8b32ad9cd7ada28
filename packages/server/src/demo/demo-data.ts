/**
 * What the demo simulators hold at every start, always in this order so that the simulators hand
 * out the same ids (ticket, interaction, update) and the server's dedup keeps one conversation each.
 */
export const demoData = {
  complaints: [
    {
      title: 'Entrega atrasada há 15 dias',
      content:
        'Comprei uma geladeira no dia 2 e até agora não chegou. O rastreio não atualiza e ninguém responde no chat da loja.',
      customer: {
        name: 'Juliana Ferreira',
        email: 'juliana.ferreira@example.com',
        city: 'Campinas',
        state: 'São Paulo',
        stateCode: 'SP',
      },
      subject: 'Entrega',
    },
    {
      title: 'Cobrança em dobro no cartão',
      content:
        'Fui cobrado duas vezes pela mesma compra e o estorno prometido há três semanas não apareceu na fatura.',
      customer: {
        name: 'Roberto Almeida',
        email: 'roberto.almeida@example.com',
        city: 'Belo Horizonte',
        state: 'Minas Gerais',
        stateCode: 'MG',
      },
      subject: 'Cobrança',
    },
    {
      title: 'Air fryer parou de funcionar',
      content:
        'A air fryer parou de funcionar na primeira semana de uso. Quero a troca do produto, mas a assistência não atende.',
      customer: {
        name: 'Patrícia Souza',
        email: 'patricia.souza@example.com',
        city: 'Recife',
        state: 'Pernambuco',
        stateCode: 'PE',
      },
      subject: 'Produto com defeito',
    },
  ],
  wishTickets: [
    {
      category: 'post-purchase',
      subject: 'Wo ist meine Bestellung?',
      message:
        'Meine Bestellung ist seit drei Wochen unterwegs und die Sendungsverfolgung zeigt nichts an.',
      buyer: { name: 'Erika Mustermann', locale: 'de' },
    },
    {
      category: 'post-purchase',
      subject: 'Colis endommagé',
      message:
        'Le colis est arrivé abîmé et la lampe à l’intérieur est cassée. Que puis-je faire ?',
      buyer: { name: 'Marie Dubois', locale: 'fr' },
    },
  ],
  telegram: {
    bot: {
      // The simulator's bot: a made-up token the Telegram simulator accepts, nothing real.
      token: '700000000:AAdemo-simulated-bot-token',
      username: 'loja_exemplo_bot',
      first_name: 'Loja Exemplo',
    },
    user: {
      id: 700_000_001,
      first_name: 'Marina',
      last_name: 'Costa',
      username: 'marina_costa',
      language_code: 'pt-br',
    },
    firstMessage: 'Oi! Meu pedido 5521 chegou com a tampa quebrada. Vocês trocam?',
  },
} as const;
