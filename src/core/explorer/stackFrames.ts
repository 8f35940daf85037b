/**
 * A series as one stack of frames: the instances in stepping order (see seriesOrder.ts), each
 * contributing its frames in file order (one for a single-frame image, all of them for a
 * multi-frame one), so stepping through the series is stepping through one numbered list, as
 * in a multi-frame file. Pure: the viewer's host maps a stack index to an instance and a frame
 * through it, and says when the instances do not share one size.
 */

export interface StackMember {
  /** Frames the instance holds (Number of Frames, 1 when absent); 0 when it has no image. */
  readonly frames: number;
  /** Rows and Columns, or null when the instance has none (or could not be read). */
  readonly rows: number | null;
  readonly columns: number | null;
}

/** Where one frame of the stack is: the member (instance) at `member`, its frame `frame`. */
export interface StackPlace {
  readonly member: number;
  readonly frame: number;
}

/** How many instances share one size, largest group first. */
export interface SizeGroup {
  readonly rows: number;
  readonly columns: number;
  readonly members: number;
}

/** Frames a stack may hold: beyond it a message would be longer than anyone steps through. */
export const MAX_STACK_FRAMES = 100_000;

/** Every frame of the stack, in stepping order. */
export function stackPlaces(members: readonly StackMember[]): StackPlace[] {
  const places: StackPlace[] = [];
  members.forEach((member, index) => {
    const frames = Number.isSafeInteger(member.frames) && member.frames > 0 ? member.frames : 0;
    for (let frame = 0; frame < frames && places.length < MAX_STACK_FRAMES; frame++) places.push({ member: index, frame });
  });
  return places;
}

/** The sizes of the members with an image; more than one group means the stack mixes sizes. */
export function sizeGroups(members: readonly StackMember[]): SizeGroup[] {
  const groups = new Map<string, { rows: number; columns: number; members: number }>();
  for (const member of members) {
    if (member.rows === null || member.columns === null || member.frames <= 0) continue;
    const key = `${member.rows}x${member.columns}`;
    const group = groups.get(key) ?? { rows: member.rows, columns: member.columns, members: 0 };
    group.members++;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.members - a.members);
}
