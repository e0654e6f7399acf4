// A yard block as the live picture has it: boxes and TEU standing in it against its
// capacity. No polling: the picture comes with the KPIs about once a second.
import type { BlockFill } from '../../../../protocol/operations.ts';
import { MESSAGES, type Language } from '../../i18n.ts';
import { useAppStore } from '../../state/app-store.ts';

export function BlockFillView({ blockId, language }: { blockId: string; language: Language }) {
  const block = useAppStore((s) => s.picture?.blocks.find((b) => b.blockId === blockId));
  return <BlockFillBody block={block} language={language} />;
}

export function BlockFillBody({
  block,
  language,
}: {
  block: BlockFill | undefined;
  language: Language;
}) {
  const t = MESSAGES[language];
  if (!block) return <p className="none">{t.noData}</p>;
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="history" data-testid="block-fill">
      <dl>
        <dt>{t.yardFill}</dt>
        <dd className="figure">{percent.format(block.fill)}</dd>
        <dt>{t.blockBoxes}</dt>
        <dd>{number.format(block.boxes)}</dd>
        <dt>TEU</dt>
        <dd>
          {number.format(block.teu)} / {number.format(block.capacityTeu)}
        </dd>
      </dl>
    </section>
  );
}
