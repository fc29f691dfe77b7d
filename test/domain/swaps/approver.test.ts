import { describe, it } from 'vitest'
import { approver } from '../../../src/domain/swaps/index.js'
import type { SwapAction } from '../../../src/domain/swaps/types.js'
import type { Role } from '../../../src/domain/types.js'
import { anInput, verifySwapRule, WEEK } from './support.js'

const roster = { assignments: WEEK }
const as = (id: string, role: Role, action: SwapAction) => anInput({ roster, actor: { staff: { id, role }, action } })
// The swap: ana (requester) with ben (counterpart).

describe('swap.approver', () => {
  it('lets only the counterpart accept or decline', () => {
    verifySwapRule(approver).given(as('ben', 'agent', 'accept')).passes()
    verifySwapRule(approver).given(as('ben', 'agent', 'decline')).passes()
    verifySwapRule(approver).given(as('ana', 'agent', 'accept')).violates(1)
    verifySwapRule(approver).given(as('mei', 'lead', 'decline')).violates(1)
  })

  it('lets only a lead or manager who takes no part approve or reject', () => {
    verifySwapRule(approver).given(as('mei', 'lead', 'approve')).passes()
    verifySwapRule(approver).given(as('max', 'manager', 'reject')).passes()
    verifySwapRule(approver).given(as('chen', 'agent', 'approve')).violates(1)
    verifySwapRule(approver).given(as('ben', 'agent', 'approve')).violates(1)
  })

  it('refuses a lead approving a swap they take part in', () => {
    verifySwapRule(approver).given(anInput({ roster, swap: { counterpart: 'mei' }, actor: { staff: { id: 'mei', role: 'lead' }, action: 'approve' } })).violates(1)
  })

  it('lets only the requester request or cancel', () => {
    verifySwapRule(approver).given(as('ana', 'agent', 'cancel')).passes()
    verifySwapRule(approver).given(as('ben', 'agent', 'cancel')).violates(1)
    verifySwapRule(approver).given(as('mei', 'lead', 'cancel')).violates(1)
    verifySwapRule(approver).given(anInput({ roster })).passes()
  })
})
