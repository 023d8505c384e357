// Child process for the clock test: prints what the clock says in a process of its own environment.
import { now, today } from "@/server/clock";

console.log(
  JSON.stringify({
    today: today("Asia/Jakarta"),
    tz: today("Asia/Jayapura"),
    at: now().toISOString(),
    real: new Date().toISOString(),
  }),
);
