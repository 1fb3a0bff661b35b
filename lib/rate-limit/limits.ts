/**
 * Every rate limit the shop applies, in one place: `points` requests per `durationSeconds` (a fixed window that
 * starts at the first request), then, where `blockSeconds` is set, a cool-down of that long from the request
 * that went over. Counted on a shared store (lib/rate-limit/store.ts), so they hold across app instances.
 */
export interface LimitSpec {
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const LIMITS = {
  // Checkout holds stock for 20 minutes (PAYMENT_WINDOW_MINUTES). A cart already holds at most one open order;
  // these bound how many orders one cart, or one client making fresh carts, can open: at most 20 every 10 minutes
  // from one address, so about 40 held orders at any time, whatever the bot's speed. Shoppers behind one carrier
  // NAT share an address, hence not fewer; a shop whose shoppers crowd behind few addresses (a sale, an office)
  // raises CHECKOUT_LIMIT_PER_ADDRESS (the points below are its default; store.ts applies it).
  checkoutPerCart: { points: 10, durationSeconds: 10 * MINUTE },
  checkoutPerAddress: { points: 20, durationSeconds: 10 * MINUTE },

  // Admin sign-in, counted before the password is checked. One address guessing one account cools down first
  // (5 tries, then 15 minutes), so the owner elsewhere is not locked out by it; an address guessing many
  // accounts next (20 an hour, then an hour). The account's own limit needs a guesser on ten or more addresses;
  // over it, only an address's first attempt in its hour is checked (lib/auth/throttle.ts: the right password
  // from a clean address still signs in; the guessing bound is written there).
  signInPerAccountAddress: { points: 5, durationSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE },
  signInPerAddress: { points: 20, durationSeconds: HOUR, blockSeconds: HOUR },
  signInPerAccount: { points: 50, durationSeconds: HOUR, blockSeconds: 15 * MINUTE },

  // The order page asks Cashfree (Get Order + Get Payments) at most this often; past it, the page shows what the
  // database knows (webhooks keep it current). A pending order's page refreshes itself every 4 seconds (15 a
  // minute), so one open tab never reaches it; a refresh storm does. Cashfree allows 60 Get Order calls a minute
  // in its sandbox and 400 in production, for the whole account.
  orderConfirmPerOrder: { points: 20, durationSeconds: MINUTE },
  // ORDER_CONFIRM_LIMIT_PER_ADDRESS raises the per-address one (the points below are its default; store.ts applies it).
  orderConfirmPerAddress: { points: 60, durationSeconds: MINUTE },

  // "Find my order": enough for a shopper who mistypes, too few to probe for orders or flood a mailbox.
  findOrderPerAddress: { points: 10, durationSeconds: 10 * MINUTE },
  findOrderPerEmail: { points: 3, durationSeconds: HOUR },

  // Payment links are Cashfree calls that e-mail or text a customer: a busy order desk, not a script.
  paymentLinksPerAdmin: { points: 20, durationSeconds: 10 * MINUTE },
  paymentLinksPerOrder: { points: 3, durationSeconds: HOUR },

  // The header's search box asks as the shopper types; a script asking faster only loads the database.
  searchSuggestPerAddress: { points: 120, durationSeconds: MINUTE },

  // Checkout looks a PIN code up once it has 6 digits: a shopper correcting a typo asks a few times a minute.
  pincodeLookupPerAddress: { points: 60, durationSeconds: MINUTE },

  // Browsers report CSP violations as pages load: a broken policy makes a few reports per page, so this is a
  // shopper's busy browsing; past it, a script forging reports would only fill the log.
  cspReportsPerAddress: { points: 200, durationSeconds: 10 * MINUTE },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;
