import { openTestChdb } from "@/test/stores";
import { clickhouseContract } from "./contract";

clickhouseContract("chDB (embedded)", openTestChdb);
