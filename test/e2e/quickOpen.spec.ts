// A person opens a DICOM file with Quick Open (Control+P) and sees it in the DICOM Inspector
// editor: the tab carries the file's name and the page shows what is in the file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  activeTabTitle,
  openWorkbench,
  quickOpen,
  screenshot,
  webviewWithText,
  workspaceFile,
  type Workbench,
} from './harness/workbench';

const FILE = 'CT1_UNC.explicit_little_endian.dcm';
/** (0010,0010) PatientName of that file, as dcmdump shows it: CompressedSamples^CT1. */
const PATIENT_NAME_PART = 'CompressedSamples';

let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

test('quick open shows the DICOM file in the DICOM Inspector editor', async (t) => {
  if (!workspaceFile(t, 'corpus', FILE)) return;
  const { page } = workbench;
  await quickOpen(page, FILE);
  assert.equal(await activeTabTitle(page), FILE);
  try {
    await webviewWithText(page, PATIENT_NAME_PART);
  } finally {
    // Saved whether or not the editor rendered: the picture shows what went wrong.
    await screenshot(page, 'quick-open-dicom');
  }
});
