/**
 * What a series stack page shows, from the series' instances in stepping order: the stack's
 * frames (each named by its file), a summary that says how the instances are ordered and what
 * they hold, and the problems a stack has that no single file has (sizes that differ, files
 * that cannot be read or hold no image). Pure (no `vscode`): unit-tested with node:test.
 */
import { dot, type SeriesOrder } from '../../core/explorer/seriesOrder';
import { sizeGroups, stackPlaces, type StackMember, type StackPlace } from '../../core/explorer/stackFrames';
import type { DicomFile } from '../../core/model';
import { numberAt } from '../../core/pixels/elementValues';
import type { DocumentView, IssueView, OffsetFormat } from '../../shared/protocol';
import type { StackFrameView } from '../../shared/stackProtocol';
import { hasPixelData, summaryFields } from '../editor/documentView';

/** One instance of the series as its document has it. */
export interface StackInstance {
  readonly fileName: string;
  readonly file: DicomFile | null;
  readonly loadError: string | null;
}

export interface StackLayout {
  readonly view: DocumentView;
  /** Frame of the stack → instance (index into the instances given) and frame in it. */
  readonly places: readonly StackPlace[];
}

const plural = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`;
const decimals = (value: number): string => String(Number(value.toFixed(3)));

/** How the instances were ordered, in the words the page and the panel title use. */
export function orderingText(order: Pick<SeriesOrder, 'by' | 'normal'>): string {
  switch (order.by) {
    case 'position':
      return `by Image Position (Patient) along the normal (${(order.normal ?? []).map(decimals).join(', ')})`;
    case 'instanceNumber':
      return 'by Instance Number (the instances have no Image Position (Patient) on one shared orientation)';
    default:
      return 'by file name (not every instance has an Image Position (Patient) or an Instance Number)';
  }
}

function memberOf(instance: StackInstance): StackMember {
  const file = instance.file;
  if (!file || !hasPixelData(file)) return { frames: 0, rows: null, columns: null };
  return { frames: numberAt(file.dataSet, '00280008') ?? 1, rows: numberAt(file.dataSet, '00280010') ?? null, columns: numberAt(file.dataSet, '00280011') ?? null };
}

function problems(instances: readonly StackInstance[], members: readonly StackMember[]): IssueView[] {
  const issues: IssueView[] = [];
  const groups = sizeGroups(members);
  if (groups.length > 1) {
    const [usual, ...others] = groups;
    const odd = instances.filter((_, i) => others.some((g) => g.rows === members[i].rows && g.columns === members[i].columns)).map((s) => s.fileName);
    const sizes = groups.map((g) => `${g.columns} × ${g.rows} (${plural(g.members, 'instance')})`).join(', ');
    issues.push({ code: 'stack-sizes-differ', severity: 'warning', offset: null,
      message: `The instances do not all have one size: ${sizes}. Each frame is shown at its own size; not ${usual.columns} × ${usual.rows}: ${odd.slice(0, 10).join(', ')}${odd.length > 10 ? ', …' : ''}.` });
  }
  instances.forEach((instance, i) => {
    if (!instance.file) issues.push({ code: 'stack-instance-unreadable', severity: 'warning', offset: null, message: `${instance.fileName} could not be read (${instance.loadError ?? 'unknown error'}); it is left out of the stack.` });
    else if (members[i].frames === 0) issues.push({ code: 'stack-instance-without-image', severity: 'info', offset: null, message: `${instance.fileName} has no Pixel Data; it is left out of the stack.` });
  });
  return issues;
}

/**
 * The stack of `instances` (in `order`'s stepping order, with their summaries' positions) as
 * the page shows it. `title` names the series.
 */
export function stackLayout(title: string, instances: readonly StackInstance[], order: Pick<SeriesOrder, 'by' | 'normal' | 'instances'>, offsetFormat: OffsetFormat): StackLayout {
  const members = instances.map(memberOf);
  const places = stackPlaces(members);
  const frames: StackFrameView[] = places.map(({ member, frame }) => {
    const summary = order.instances[member];
    const position = summary?.position;
    return {
      instance: member,
      fileName: instances[member].fileName,
      frame,
      frames: members[member].frames,
      instanceNumber: summary?.instanceNumber === null || summary?.instanceNumber === undefined ? '' : String(summary.instanceNumber),
      along: order.by === 'position' && order.normal && position ? dot(position, order.normal) : null,
    };
  });
  const lead = instances[places[0]?.member ?? 0]?.file ?? null;
  const groups = sizeGroups(members);
  const shown = lead ? summaryFields(lead).filter((f) => ['Patient', 'Study', 'Series', 'Modality', 'Transfer Syntax'].includes(f.label)) : [];
  const contributing = new Set(places.map((p) => p.member)).size;
  const summary = [
    ...shown,
    { label: 'Stack', value: `${plural(contributing, 'instance')}, ${plural(places.length, 'frame')}, ordered ${orderingText(order)}` },
    { label: 'Dimensions', value: groups.length === 1 ? `${groups[0].columns} × ${groups[0].rows}` : groups.length > 1 ? `mixed: ${groups.map((g) => `${g.columns} × ${g.rows}`).join(', ')}` : '' },
  ].filter((field) => field.value.length > 0);
  const view: DocumentView = {
    fileName: title,
    fileSize: instances.reduce((sum, instance) => sum + (instance.file?.size ?? 0), 0),
    summary,
    issues: problems(instances, members),
    hasPixelData: places.length > 0,
    elementCount: 0,
    deflated: false,
    dataSetOffset: 0,
    littleEndian: true,
    characterSet: [],
    offsetFormat,
    loadError: places.length > 0 ? null : 'No instance of this series has an image to show.',
    stack: { ordering: orderingText(order), instances: contributing, frames },
  };
  return { view, places };
}
