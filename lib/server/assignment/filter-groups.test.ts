// WRK-4: a view saved with a group that an admin deactivated since still finds that group's cases;
// the list's Assignment group field names it (inactive), so Apply keeps the filter.
import { describe, expect, it } from "vitest";
import { makeAgent } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { groupOptions, groupsNaming } from "./read";
import { setGroupActive } from "./write";

describe("the list's group filter (WRK-4)", () => {
  it("WRK-4: a deactivated group filtered by is named as inactive; an active one or none adds nothing", async () => {
    const { admin, group } = await makeGroup(await makeAgent());
    const active = await groupOptions();
    expect(await groupsNaming(active, undefined)).toBe(active);
    await setGroupActive(admin, group.id, { active: false });
    // The active groups as the page reads them after the change (without the deactivated one).
    const stillActive = active.filter((g) => g.value !== group.id);
    const named = await groupsNaming(stillActive, group.id);
    expect(named.at(-1)).toEqual({ value: group.id, label: `${group.name} (inactive)` });
    expect((await groupsNaming([], 2_000_000_000)).at(-1)).toEqual({
      value: 2_000_000_000,
      label: "Unknown group",
    });
  });
});
