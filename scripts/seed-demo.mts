// Loads the SPEC §15 demo data into an empty database. Run by `npm start` (and `npm run db:seed`).
import { isEmpty, seedDemo } from "@/lib/server/seed/demo";
import { db } from "@/lib/db";

if (process.env.NODE_ENV === "production") {
  console.log("demo seed skipped: it refuses to run when NODE_ENV=production");
} else if (await isEmpty()) {
  await seedDemo();
  console.log("demo data loaded");
} else {
  console.log("database already has data; demo seed skipped");
}
await db().$disconnect();
