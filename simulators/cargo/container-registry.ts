// Where every container is, at every moment: on a vessel, held by a piece of equipment
// (a crane's spreader, an AGV, a truck), in a yard slot, set down in an inspection lane,
// or gone from the port. One location per box, one box per holder and per slot; every
// move names where the box is taken from, and a move from anywhere else is a bug.
import type { Container } from './container.ts';

export type ContainerLocation =
  | { at: 'vessel'; callId: string }
  | { at: 'equipment'; equipmentId: string }
  | { at: 'slot'; blockId: string; position: number; row: number; tier: number }
  | { at: 'inspection'; laneId: string }
  | { at: 'gone' };

export type MoveListener = (
  container: Container,
  from: ContainerLocation | undefined,
  to: ContainerLocation,
) => void;

export const slotKey = (blockId: string, position: number, row: number, tier: number) =>
  `${blockId}/${position}/${row}/${tier}`;

const sameLocation = (a: ContainerLocation, b: ContainerLocation): boolean => {
  switch (a.at) {
    case 'vessel':
      return b.at === 'vessel' && a.callId === b.callId;
    case 'equipment':
      return b.at === 'equipment' && a.equipmentId === b.equipmentId;
    case 'slot':
      return (
        b.at === 'slot' &&
        a.blockId === b.blockId &&
        a.position === b.position &&
        a.row === b.row &&
        a.tier === b.tier
      );
    case 'inspection':
      return b.at === 'inspection' && a.laneId === b.laneId;
    case 'gone':
      return b.at === 'gone';
  }
};

const describe = (l: ContainerLocation) => JSON.stringify(l);

export class ContainerRegistry {
  private readonly containers = new Map<string, Container>();
  private readonly locations = new Map<string, ContainerLocation>();
  /** Who holds what: equipment and inspection lanes by id, yard slots by slot key. */
  private readonly byEquipment = new Map<string, string>();
  private readonly bySlot = new Map<string, string>();
  private readonly byLane = new Map<string, string>();
  private listener: MoveListener | undefined;

  /** Tests watch every move through this. */
  onMove(listener: MoveListener): void {
    this.listener = listener;
  }

  create(container: Container, location: ContainerLocation): void {
    if (this.containers.has(container.number))
      throw new Error(`container ${container.number} exists already`);
    this.containers.set(container.number, container);
    this.occupy(container.number, location);
    this.locations.set(container.number, location);
    this.listener?.(container, undefined, location);
  }

  move(number: string, from: ContainerLocation, to: ContainerLocation): void {
    const current = this.locations.get(number);
    if (!current) throw new Error(`container ${number} is not known`);
    if (!sameLocation(current, from))
      throw new Error(
        `container ${number} is at ${describe(current)}, not at ${describe(from)} where it is taken from`,
      );
    if (current.at === 'gone') throw new Error(`container ${number} has gone from the port`);
    this.vacate(current);
    this.occupy(number, to);
    this.locations.set(number, to);
    this.listener?.(this.containers.get(number)!, current, to);
  }

  private holdersOf(location: ContainerLocation): [Map<string, string>, string] | undefined {
    switch (location.at) {
      case 'equipment':
        return [this.byEquipment, location.equipmentId];
      case 'slot':
        return [
          this.bySlot,
          slotKey(location.blockId, location.position, location.row, location.tier),
        ];
      case 'inspection':
        return [this.byLane, location.laneId];
      default:
        return undefined; // a vessel holds many boxes; "gone" is nowhere
    }
  }

  private occupy(number: string, location: ContainerLocation): void {
    const holder = this.holdersOf(location);
    if (!holder) return;
    const [holders, key] = holder;
    const other = holders.get(key);
    if (other !== undefined)
      throw new Error(`${describe(location)} already holds ${other}, cannot take ${number}`);
    holders.set(key, number);
  }

  private vacate(location: ContainerLocation): void {
    const holder = this.holdersOf(location);
    if (holder) holder[0].delete(holder[1]);
  }

  has(number: string): boolean {
    return this.containers.has(number);
  }

  where(number: string): ContainerLocation {
    const location = this.locations.get(number);
    if (!location) throw new Error(`container ${number} is not known`);
    return location;
  }

  get(number: string): Container {
    const container = this.containers.get(number);
    if (!container) throw new Error(`container ${number} is not known`);
    return container;
  }

  /** The box a piece of equipment holds, if any. */
  heldBy(equipmentId: string): string | undefined {
    return this.byEquipment.get(equipmentId);
  }

  all(): IterableIterator<Container> {
    return this.containers.values();
  }

  get size(): number {
    return this.containers.size;
  }

  /** How many boxes are where, by kind of location. */
  census(): Record<ContainerLocation['at'], number> {
    const counts = { vessel: 0, equipment: 0, slot: 0, inspection: 0, gone: 0 };
    for (const location of this.locations.values()) counts[location.at] += 1;
    return counts;
  }
}
