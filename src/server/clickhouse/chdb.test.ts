import { openTestChdb } from "@/test/stores";
import { clickhouseContract } from "./contract.suite";

clickhouseContract("chDB (embedded)", openTestChdb);
