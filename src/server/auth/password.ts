import bcrypt from "bcryptjs";

// bcryptjs: pure JavaScript, installs from npm with nothing to download or compile.
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

let dummy: Promise<string> | undefined;

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("pantau-no-such-user");
  return dummy;
}
