// The actions of signed buttons ("cov:13.74:<signature>"), in one place: features lead into
// each other's screens, and two features must never claim the same name.
export const ACTION = {
  coverage: 'cov',
  awards: 'aw',
  awardsPage: 'awp',
  chart: 'gr',
  compare: 'cmp',
  contribution: 'iu',
  subscribe: 'sub',
  subscribeScope: 'subc',
  unsubscribe: 'unsub',
  company: 'co',
  ranking: 'rk',
  calculator: 'iq',
} as const;
