// WRK-4: a view saved with a group that an admin deactivated since still finds that group's cases;
// the list's Assignment group field names it (inactive), so Apply keeps the filter.
import { describe, expect, it } from "vitest";
import { makeAgent } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { groupChoice, optionsNaming } from "../lookup/choices";
import { groupOptions } from "./read";
import { setGroupActive } from "./write";

const naming = (options: Awaited<ReturnType<typeof groupOptions>>, id: number | undefined) =>
  optionsNaming(Promise.resolve(options), id, groupChoice, "Unknown group");

describe("the list's group filter (WRK-4)", () => {
  it("WRK-4: a deactivated group filtered by is named as inactive; an active one or none adds nothing", async () => {
    const { admin, group } = await makeGroup(await makeAgent());
    const active = await groupOptions();
    const [all, none] = await naming(active, undefined);
    expect(all).toBe(active);
    expect(none).toBeNull();
    await setGroupActive(admin, group.id, { active: false });
    // The active groups as the page reads them after the change (without the deactivated one).
    const stillActive = active.filter((g) => g.value !== group.id);
    const [, named] = await naming(stillActive, group.id);
    expect(named).toEqual({ value: group.id, label: `${group.name} (inactive)` });
    expect(stillActive).not.toContainEqual(named);
    expect((await naming([], 2_000_000_000))[1]).toEqual({ value: 2_000_000_000, label: "Unknown group" });
  });
});
