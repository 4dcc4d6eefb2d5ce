// PRO-1's threshold for tests: N affected accounts ≥ it → one major case with children.
import { db } from "@/lib/db";
import { PROPERTY } from "@/lib/domain/properties/catalog";

export async function setThreshold(value: number) {
  const p = { type: "integer", defaultValue: "5", description: "threshold" };
  await db().systemProperty.upsert({
    where: { name: PROPERTY.majorCaseThreshold },
    create: { name: PROPERTY.majorCaseThreshold, value: String(value), ...p },
    update: { value: String(value) },
  });
}
