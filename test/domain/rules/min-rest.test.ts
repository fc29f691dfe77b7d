import { describe, expect, it } from 'vitest'
import { minRest } from '../../../src/domain/rules/index.js'
import { aConfig, aRoster, aShift, anAssignment, MON, TUE, WED } from '../../support/builders.js'
import { verifyRule } from '../../support/verify-rule.js'

const LATE = aShift({ code: 'L', start: 15 * 60, end: 23 * 60 }) // ends 23:00
const EARLY = aShift({ code: 'E', start: 7 * 60, end: 15 * 60 }) // starts 07:00
const EARLY10 = aShift({ code: 'E10', start: 10 * 60, end: 18 * 60 }) // starts 10:00: exactly 11 h after 23:00
const NIGHT = aShift({ code: 'N', start: 22 * 60, end: 6 * 60 }) // crosses midnight, ends 06:00 next day
const shifts = [LATE, EARLY, EARLY10, NIGHT]

describe('roster.min-rest', () => {
  it('refuses 8 hours between a late and an early shift', () => {
    const [v] = verifyRule(minRest)
      .given(aRoster({ shifts, assignments: [anAssignment(MON, 'L', 'ana'), anAssignment(TUE, 'E', 'ana')] }))
      .violates(1)
    expect(v).toMatchObject({ staff: 'ana', date: TUE, dates: [MON, TUE] })
    expect(v!.message).toContain('only 8 h rest')
  })

  it('near miss: exactly the minimum rest passes', () => {
    verifyRule(minRest).given(aRoster({ shifts, assignments: [anAssignment(MON, 'L', 'ana'), anAssignment(TUE, 'E10', 'ana')] })).passes()
  })

  it('reads the setting: 12 hours makes the exact-11 case fail', () => {
    verifyRule(minRest)
      .given(aRoster({ shifts, config: aConfig({ minRestHours: 12 }), assignments: [anAssignment(MON, 'L', 'ana'), anAssignment(TUE, 'E10', 'ana')] }))
      .violates(1)
  })

  it('a shift crossing midnight ends the next morning', () => {
    // N on Monday ends Tuesday 06:00; E10 on Tuesday starts 10:00: 4 h rest.
    verifyRule(minRest).given(aRoster({ shifts, assignments: [anAssignment(MON, 'N', 'ana'), anAssignment(TUE, 'E10', 'ana')] })).violates(1)
    // N on Monday, then E on Wednesday: 49 h rest.
    verifyRule(minRest).given(aRoster({ shifts, assignments: [anAssignment(MON, 'N', 'ana'), anAssignment(WED, 'E', 'ana')] })).passes()
  })

  it('the default A/B/C shifts leave 11 h after C (22:00) before A (09:00): allowed', () => {
    verifyRule(minRest).given(aRoster({ assignments: [anAssignment(MON, 'C', 'ana'), anAssignment(TUE, 'A', 'ana')] })).passes()
  })

  it('two overlapping shifts on one day have no rest at all', () => {
    const [v] = verifyRule(minRest).given(aRoster({ assignments: [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'B', 'ana')] })).violates(1)
    expect(v!.message).toContain('only 0 h rest')
  })

  it('different people never limit each other', () => {
    verifyRule(minRest).given(aRoster({ shifts, assignments: [anAssignment(MON, 'L', 'ana'), anAssignment(TUE, 'E', 'ben')] })).passes()
  })
})

describe('roster.min-rest in real hours (the team time zone)', () => {
  const berlin = (assignments: ReturnType<typeof anAssignment>[], over: Parameters<typeof aConfig>[0] = {}) =>
    aRoster({ assignments, config: aConfig({ timezone: 'Europe/Berlin', ...over }) })

  it('the night clocks go forward (Berlin, 28 March 2027): C to 22:00 then A at 09:00 is 10 h, refused', () => {
    const [v] = verifyRule(minRest).given(berlin([anAssignment('2027-03-27', 'C', 'zed'), anAssignment('2027-03-28', 'A', 'zed')])).violates(1)
    expect(v).toMatchObject({ staff: 'zed', date: '2027-03-28', dates: ['2027-03-27', '2027-03-28'] })
    expect(v!.message).toContain('only 10 h rest')
    expect(v!.params).toMatchObject({ key: 'min-rest', hours: '10', need: 11 })
  })

  it('near miss: the same a week earlier is 11 h, allowed', () => {
    verifyRule(minRest).given(berlin([anAssignment('2027-03-20', 'C', 'zed'), anAssignment('2027-03-21', 'A', 'zed')])).passes()
  })

  it('the night clocks go back (31 October 2027) gives 12 h: allowed even at 12 h required, where 11 h by the clocks is not', () => {
    const autumn = [anAssignment('2027-10-30', 'C', 'zed'), anAssignment('2027-10-31', 'A', 'zed')]
    verifyRule(minRest).given(berlin(autumn, { minRestHours: 12 })).passes()
    verifyRule(minRest).given(berlin([anAssignment('2027-10-23', 'C', 'zed'), anAssignment('2027-10-24', 'A', 'zed')], { minRestHours: 12 })).violates(1)
    verifyRule(minRest).given(berlin(autumn, { minRestHours: 13 })).violates(1)
  })

  it('a zone without DST, and no zone at all, count the clocks', () => {
    const spring = [anAssignment('2027-03-27', 'C', 'zed'), anAssignment('2027-03-28', 'A', 'zed')]
    verifyRule(minRest).given(aRoster({ assignments: spring, config: aConfig({ timezone: 'Asia/Shanghai' }) })).passes()
    verifyRule(minRest).given(aRoster({ assignments: spring, config: aConfig({ timezone: null }) })).passes()
  })

  it('a null timezone setting means the computer zone the CLI fills in', () => {
    const spring = [anAssignment('2027-03-27', 'C', 'zed'), anAssignment('2027-03-28', 'A', 'zed')]
    verifyRule(minRest).given(aRoster({ assignments: spring, config: aConfig({ timezone: null, systemZone: 'Europe/Berlin' }) })).violates(1)
    // The setting wins over the computer's zone.
    verifyRule(minRest).given(aRoster({ assignments: spring, config: aConfig({ timezone: 'UTC', systemZone: 'Europe/Berlin' }) })).passes()
  })

  it('the US change (America/New_York, 14 March 2027) and a shift crossing midnight into it', () => {
    // N from 22:00 Saturday to 06:00 Sunday (the clocks jump at 02:00), E10 at 10:00: 4 h by the clocks and in real hours.
    const r = (tz: string) => aRoster({ shifts, assignments: [anAssignment('2027-03-13', 'N', 'zed'), anAssignment('2027-03-14', 'E10', 'zed')], config: aConfig({ timezone: tz, minRestHours: 4 }) })
    verifyRule(minRest).given(r('UTC')).passes()
    // The night itself loses the hour: N ends an hour sooner in real time, but the rest after 06:00 is the same 4 h.
    verifyRule(minRest).given(r('America/New_York')).passes()
    // Late on Saturday until 23:00, E at 07:00 on Sunday: 8 h by the clocks, 7 h in New York.
    const late = (tz: string) => aRoster({ shifts, assignments: [anAssignment('2027-03-13', 'L', 'zed'), anAssignment('2027-03-14', 'E', 'zed')], config: aConfig({ timezone: tz, minRestHours: 8 }) })
    verifyRule(minRest).given(late('UTC')).passes()
    expect(verifyRule(minRest).given(late('America/New_York')).violates(1)[0]!.message).toContain('only 7 h rest')
  })
})
