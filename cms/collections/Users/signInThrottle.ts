/**
 * Slows password guessing without letting an outsider lock staff out. Failed sign-ins are
 * counted per client address and per account over a window:
 * - an address with `perAddress` failures in the window is refused for any account;
 * - an account with `perAccount` failures in the window is refused to every address that has
 *   itself failed in the window, while an address that has not been failing still signs in
 *   with the right password. Guessing one account is slowed to a try per fresh address.
 * State is per process and bounded; a restart forgets it (the lock was never the only guard:
 * passwords are at least 12 characters).
 */
export interface SignInThrottleOptions {
  perAddress: number
  perAccount: number
  windowMs: number
  /** Failures remembered at most; the oldest go first. */
  maxEvents: number
  now: () => number
}

export const defaultSignInThrottle: SignInThrottleOptions = {
  perAddress: 10,
  perAccount: 5,
  windowMs: 15 * 60_000,
  maxEvents: 10_000,
  now: () => Date.now(),
}

interface Failure {
  address: string
  account: string
  at: number
}

export class SignInThrottle {
  private failures: Failure[] = []
  private readonly options: SignInThrottleOptions

  constructor(options: Partial<SignInThrottleOptions> = {}) {
    this.options = { ...defaultSignInThrottle, ...options }
  }

  private recent(): Failure[] {
    const since = this.options.now() - this.options.windowMs
    if (this.failures.length > 0 && this.failures[0]!.at <= since) this.failures = this.failures.filter((f) => f.at > since)
    return this.failures
  }

  /** Whether this address may try this account now. */
  allows(address: string, account: string): boolean {
    const recent = this.recent()
    const fromAddress = recent.filter((f) => f.address === address).length
    if (fromAddress >= this.options.perAddress) return false
    const onAccount = recent.filter((f) => f.account === account).length
    return onAccount < this.options.perAccount || fromAddress === 0
  }

  failed(address: string, account: string): void {
    this.recent().push({ address, account, at: this.options.now() })
    if (this.failures.length > this.options.maxEvents) this.failures.splice(0, this.failures.length - this.options.maxEvents)
  }

  /**
   * A right password forgives this address its failures on this account (a typo), never those
   * on other accounts: signing in to one's own account must not buy more guesses at another.
   */
  succeeded(address: string, account: string): void {
    this.failures = this.recent().filter((f) => f.address !== address || f.account !== account)
  }
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (a reverse
 * proxy appends the address it saw; Next.js fills the header from the socket when absent).
 */
export const clientAddress = (headers: Headers): string => headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown'

/** Accounts are named by email, which Payload compares in lower case. */
export const accountKey = (email: unknown): string => (typeof email === 'string' ? email.trim().toLowerCase() : '')
