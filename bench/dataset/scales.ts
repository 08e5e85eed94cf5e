// The sizes of issue 6. Every scale also holds the typical school the read paths sign in to (150
// staff, like the demo) and the 会场 school (1,200 staff, 500 delegates) of the ballot storm; `tiny`
// is the smoke test's.

const common = { typical: 150, hall: 1200, hallDelegates: 500, hallVotes: 40 };
export const SCALES = {
  tiny: { schools: 1, cityUnions: 0, years: 1, typical: 40, hall: 60, hallDelegates: 20, hallVotes: 2, label: 'smoke test: 1 small school, 1 school year' },
  school: { ...common, schools: 1, cityUnions: 0, years: 3, label: '1 school (+ the 会场 school), 3 school years' },
  city: { ...common, schools: 200, cityUnions: 0, years: 3, label: '200 schools (~30,000 members), 3 school years' },
  province: { ...common, schools: 2000, cityUnions: 16, years: 10, label: '2,000 schools in 16 cities (~300,000 members), 10 school years' },
} as const;
export type ScaleName = keyof typeof SCALES;
export type Scale = (typeof SCALES)[ScaleName] & { name: ScaleName };

export const scaleOf = (name: string): Scale => {
  if (!(name in SCALES)) throw new Error(`unknown scale "${name}": school | city | province`);
  return { ...SCALES[name as ScaleName], name: name as ScaleName };
};

/** The last school year of every dataset (学年 2024–2025): fixed, so the dataset never depends on today. */
export const LAST_YEAR = 2024;
