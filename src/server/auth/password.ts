import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";

// bcryptjs: pure JavaScript, installs from npm with nothing to download or compile.
const COST = 10;

/**
 * One-time passwords are random (~59 bits, below), not chosen by a person, so no dictionary helps, and
 * bcrypt's lowest cost still leaves a stolen hash uncrackable: 2^59 guesses at a GPU's ~400,000 cost-4
 * hashes a second is some 45,000 years. Measured here (bcryptjs, one core): cost 10 ~87 ms a hash, which
 * is 4 minutes for 3,000 accounts; cost 4 ~2 ms. The password is replaced at the first sign-in, at COST.
 */
const ONE_TIME_COST = 4;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function hashOneTimePassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, ONE_TIME_COST);
}

export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  const ok = await bcrypt.compare(plain, hash);
  // A cheap one-time hash answers in a few ms: spend the rest, so timing tells no one which accounts
  // still wait for their first sign-in.
  if (safeRounds(hash) < COST) await bcrypt.compare(plain, await dummyHash());
  return ok;
}

function safeRounds(hash: string): number {
  try {
    return bcrypt.getRounds(hash);
  } catch {
    return COST;
  }
}

// No 0/o, 1/l/i: read aloud or copied from paper without mistakes.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A one-time password such as `k7mq-x4tp-9hzr`: 12 random symbols of 31 (~59 bits), in groups of four. */
export function oneTimePassword(): string {
  const symbols = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 4, 8].map((i) => symbols.slice(i, i + 4).join("")).join("-");
}

let dummy: Promise<string> | undefined;

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("pantau-no-such-user");
  return dummy;
}
