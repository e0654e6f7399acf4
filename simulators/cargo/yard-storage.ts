// The yard's stacks: each block is positions (a 40-foot ground slot each) × rows, with
// stacks up to its tiers. Space is reserved when a box is sent to a block and taken when
// it is set down, so two boxes never head for the same place; a box can only be lifted
// from the top of its stack (the yard crane rehandles what is above it first). Boxes
// wanted by a job are claimed, so no two jobs go for the same box.
import type { Rng } from '../rng.ts';
import type { BlockKind, BlockSite } from '../world/port-layout.ts';
import type { Container, Flow } from './container.ts';
import type { ContainerLocation, ContainerRegistry } from './container-registry.ts';

export interface StackRef {
  blockId: string;
  position: number;
  row: number;
}

interface BlockStacks {
  site: BlockSite;
  positions: number;
  stacks: string[][];
  reserved: number[];
  reservedTotal: number;
  stored: number;
}

/** What to fall back on when a port has no block of the kind a box needs. */
const FALLBACK_KINDS: BlockKind[] = ['export', 'import', 'empty', 'reefer', 'dangerous'];

export class YardStorage {
  private readonly blocks = new Map<string, BlockStacks>();
  private readonly stackOf = new Map<string, StackRef>();
  private readonly byFlow = new Map<Flow, IndexedSet>();
  private readonly claimed = new Set<string>();

  constructor(
    sites: readonly BlockSite[],
    private readonly registry: ContainerRegistry,
  ) {
    for (const site of sites) {
      const positions = Math.max(1, Math.floor(site.bays / 2));
      const count = positions * site.rows;
      this.blocks.set(site.id, {
        site,
        positions,
        stacks: Array.from({ length: count }, () => []),
        reserved: new Array<number>(count).fill(0),
        reservedTotal: 0,
        stored: 0,
      });
    }
  }

  site(blockId: string): BlockSite {
    return this.block(blockId).site;
  }

  positionsOf(blockId: string): number {
    return this.block(blockId).positions;
  }

  private block(blockId: string): BlockStacks {
    const block = this.blocks.get(blockId);
    if (!block) throw new Error(`no yard block ${blockId}`);
    return block;
  }

  /** Boxes the block can still take, counting space already promised. */
  freeSpace(blockId: string): number {
    const b = this.block(blockId);
    return b.stacks.length * b.site.tiers - b.stored - b.reservedTotal;
  }

  occupancy(blockId: string): number {
    const b = this.block(blockId);
    return b.stored / (b.stacks.length * b.site.tiers);
  }

  /** A block of the kind, drawn in proportion to its free space (to spread the work). */
  chooseBlock(kind: BlockKind, rng: Rng): BlockSite {
    for (const candidate of [kind, ...FALLBACK_KINDS]) {
      const blocks = [...this.blocks.values()].filter((b) => b.site.kind === candidate);
      const free = blocks.map((b) => Math.max(0, this.freeSpace(b.site.id) - b.site.tiers));
      if (free.some((f) => f > 0)) return blocks[rng.weightedIndex(free)]!.site;
    }
    throw new Error('the yard is full');
  }

  /** Space for one box in the block, near `position` when given (a rehandle). */
  reserve(blockId: string, rng: Rng, near?: StackRef): StackRef {
    const b = this.block(blockId);
    const hasRoom = (i: number) => b.stacks[i]!.length + b.reserved[i]! < b.site.tiers;
    let index = -1;
    if (near) {
      let best = Infinity;
      b.stacks.forEach((_, i) => {
        const position = Math.floor(i / b.site.rows);
        const row = i % b.site.rows;
        if (!hasRoom(i) || (position === near.position && row === near.row)) return;
        const d = Math.abs(position - near.position) * 4 + Math.abs(row - near.row);
        if (d < best) [best, index] = [d, i];
      });
    } else {
      for (let attempt = 0; attempt < 30 && index < 0; attempt += 1) {
        const i = rng.integer(0, b.stacks.length - 1);
        if (hasRoom(i)) index = i;
      }
      if (index < 0) index = b.stacks.findIndex((_, i) => hasRoom(i));
    }
    if (index < 0) throw new Error(`yard block ${blockId} is full`);
    b.reserved[index]! += 1;
    b.reservedTotal += 1;
    return { blockId, position: Math.floor(index / b.site.rows), row: index % b.site.rows };
  }

  /** Sets a box down on its reserved stack; it comes from `from`. */
  place(
    number: string,
    from: ContainerLocation | 'new',
    stack: StackRef,
    container?: Container,
  ): ContainerLocation {
    const b = this.block(stack.blockId);
    const index = stack.position * b.site.rows + stack.row;
    if (b.reserved[index]! <= 0) throw new Error(`no space reserved at ${JSON.stringify(stack)}`);
    b.reserved[index]! -= 1;
    b.reservedTotal -= 1;
    const tier = b.stacks[index]!.length + 1;
    const to: ContainerLocation = { at: 'slot', ...stack, tier };
    if (from === 'new') this.registry.create(container!, to);
    else this.registry.move(number, from, to);
    b.stacks[index]!.push(number);
    b.stored += 1;
    this.stackOf.set(number, stack);
    const flow = this.registry.get(number).flow;
    if (!this.byFlow.has(flow)) this.byFlow.set(flow, new IndexedSet());
    this.byFlow.get(flow)!.add(number);
    return to;
  }

  /**
   * Lifts a box off the top of its stack, to `to`. A box being rehandled stays known by
   * the stack it is moving to, so a vehicle sent for it meanwhile knows where to stand.
   */
  lift(number: string, to: ContainerLocation, movingTo?: StackRef): void {
    const stack = this.stackOf.get(number);
    if (!stack) throw new Error(`container ${number} is not in the yard`);
    const b = this.block(stack.blockId);
    const pile = b.stacks[stack.position * b.site.rows + stack.row]!;
    if (pile.at(-1) !== number) throw new Error(`container ${number} is not on top of its stack`);
    this.registry.move(number, this.registry.where(number), to);
    pile.pop();
    b.stored -= 1;
    if (movingTo) this.stackOf.set(number, movingTo);
    else this.stackOf.delete(number);
    this.byFlow.get(this.registry.get(number).flow)?.delete(number);
  }

  stackOfBox(number: string): StackRef | undefined {
    return this.stackOf.get(number);
  }

  /** The boxes stacked on top of this one, the topmost first. */
  boxesAbove(number: string): string[] {
    const stack = this.stackOf.get(number)!;
    const b = this.block(stack.blockId);
    const pile = b.stacks[stack.position * b.site.rows + stack.row]!;
    return pile.slice(pile.indexOf(number) + 1).reverse();
  }

  /** Boxes of a flow in the yard that no job has claimed. */
  *unclaimed(flow: Flow): Generator<string> {
    for (const number of this.byFlow.get(flow)?.items ?? [])
      if (!this.claimed.has(number)) yield number;
  }

  /** Up to `count` boxes of a flow drawn at random (with repeats), claimed or not. */
  sample(flow: Flow, count: number, rng: Rng): string[] {
    const items = this.byFlow.get(flow)?.items ?? [];
    if (items.length === 0) return [];
    return Array.from({ length: count }, () => items[rng.integer(0, items.length - 1)]!);
  }

  claim(number: string): void {
    if (this.claimed.has(number)) throw new Error(`container ${number} is claimed already`);
    this.claimed.add(number);
  }

  unclaim(number: string): void {
    this.claimed.delete(number);
  }

  isClaimed(number: string): boolean {
    return this.claimed.has(number);
  }

  blockIds(): string[] {
    return [...this.blocks.keys()];
  }
}

/** A set with its members in an array too, for drawing members at random. */
class IndexedSet {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  add(item: string): void {
    if (this.index.has(item)) return;
    this.index.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: string): void {
    const i = this.index.get(item);
    if (i === undefined) return;
    const last = this.items.pop()!;
    if (last !== item) {
      this.items[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(item);
  }
}
