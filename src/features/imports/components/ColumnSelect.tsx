// One Pantau field's choice of the file's column, each column with a few of its values: the mapping
// step of master data and of exports.
import type { Translate } from "@/i18n/catalog";

export function ColumnSelect(props: {
  t: Translate;
  name: string;
  header: string[];
  samples: string[][];
  chosen?: number;
  invalid?: boolean;
}) {
  const { t, header, samples } = props;
  return (
    <select
      name={props.name}
      defaultValue={props.chosen === undefined ? "" : String(props.chosen)}
      aria-invalid={props.invalid || undefined}
    >
      <option value="">{t("master.map.none")}</option>
      {header.map((h, i) =>
        h ? (
          <option key={i} value={i}>
            {h}
            {samples[i]?.length ? ` — ${t("master.map.samples", { values: samples[i]!.join(", ") })}` : ""}
          </option>
        ) : null,
      )}
    </select>
  );
}
