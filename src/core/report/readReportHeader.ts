/**
 * The document header of a structured report: the attributes of the patient, study, equipment
 * and SR Document General (or Key Object Document) modules that a report shows above its
 * content tree, as DCMTK's dsrdump picks them.
 */
import type { DicomElement } from '../model';
import { itemsOf, textOf } from '../query/elementValues';
import type { CodedConcept, ReportHeader, VerifyingObserver } from './reportModel';

/** The first value as text; an empty value counts as absent, as it does for a report's reader. */
function present(elements: readonly DicomElement[], tag: string): string | null {
  return textOf(elements, tag) || null;
}

export function readReportHeader(dataSet: readonly DicomElement[], readCode: (item: readonly DicomElement[] | undefined) => CodedConcept | null): ReportHeader {
  return {
    patient: {
      name: present(dataSet, '00100010'), sex: present(dataSet, '00100040'),
      birthDate: present(dataSet, '00100030'), id: present(dataSet, '00100020'),
    },
    referringPhysician: present(dataSet, '00080090'),
    study: { description: present(dataSet, '00081030'), id: present(dataSet, '00200010') },
    device: {
      manufacturer: present(dataSet, '00080070'), model: present(dataSet, '00081090'),
      serialNumber: present(dataSet, '00181000'),
    },
    preliminaryFlag: present(dataSet, '0040A496'),
    completionFlag: present(dataSet, '0040A491'),
    completionFlagDescription: present(dataSet, '0040A492'),
    verificationFlag: present(dataSet, '0040A493'),
    verifyingObservers: itemsOf(dataSet, '0040A073').map((item): VerifyingObserver => ({
      dateTime: present(item, '0040A030'), name: present(item, '0040A075'),
      code: readCode(itemsOf(item, '0040A088')[0]), organization: present(item, '0040A027'),
    })),
    predecessorDocuments: instanceCount(dataSet, '0040A360'),
    identicalDocuments: instanceCount(dataSet, '0040A525'),
    contentDate: present(dataSet, '00080023'),
    contentTime: present(dataSet, '00080033'),
  };
}

/** SOP instances listed by a Hierarchical SOP Instance Reference sequence (study → series → instance). */
function instanceCount(dataSet: readonly DicomElement[], tag: string): number {
  return itemsOf(dataSet, tag)
    .flatMap((study) => itemsOf(study, '00081115'))
    .reduce((count, series) => count + itemsOf(series, '00081199').length, 0);
}
