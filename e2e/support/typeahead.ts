// Picking a record in a typeahead (the app's Combobox) as a person does: type, then click the option.
import { expect, type Locator, type Page } from "./test";

/** Picks `name` in the typeahead labelled `label` inside `scope`. */
export async function pickInTypeahead(page: Page, scope: Locator | Page, label: string, name: string) {
  const picker = scope.getByRole("combobox", { name: label, exact: true });
  await picker.fill(name);
  await page.getByRole("listbox").getByRole("option", { name }).click();
  await expect(picker).toHaveValue(name);
}
