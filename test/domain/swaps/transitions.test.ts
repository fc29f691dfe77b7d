import { describe, it, expect } from 'vitest'
import { nextSwapStatus } from '../../../src/domain/swaps/transitions.js'

describe('swap states', () => {
  it('goes pending -> accepted -> approved', () => {
    expect(nextSwapStatus('pending', 'accept')).toEqual({ to: 'accepted' })
    expect(nextSwapStatus('accepted', 'approve')).toEqual({ to: 'approved' })
  })

  it('lets P decline a pending swap, R cancel before approval, a lead reject before approval', () => {
    expect(nextSwapStatus('pending', 'decline')).toEqual({ to: 'declined' })
    expect(nextSwapStatus('pending', 'cancel')).toEqual({ to: 'cancelled' })
    expect(nextSwapStatus('accepted', 'cancel')).toEqual({ to: 'cancelled' })
    expect(nextSwapStatus('accepted', 'reject')).toEqual({ to: 'rejected' })
    expect(nextSwapStatus('pending', 'reject')).toEqual({ to: 'rejected' })
  })

  it('refuses every other step with a reason', () => {
    const refused: [Parameters<typeof nextSwapStatus>[0], Parameters<typeof nextSwapStatus>[1]][] = [
      ['pending', 'approve'], ['accepted', 'accept'], ['accepted', 'decline'], ['approved', 'cancel'], ['approved', 'reject'],
      ['approved', 'approve'], ['cancelled', 'accept'], ['declined', 'approve'], ['rejected', 'accept'], ['cancelled', 'cancel'],
    ]
    for (const [from, action] of refused) expect(nextSwapStatus(from, action), `${action} from ${from}`).toHaveProperty('problem')
  })
})
