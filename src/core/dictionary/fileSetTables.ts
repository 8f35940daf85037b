/**
 * Elements PS3.6 defines outside its main registry (Table 6-1): the File Meta group (Table 7-1),
 * the Directory Structuring group of DICOMDIR files (Table 8-1) and the item and delimitation
 * tags (Section 7.5 of PS3.5). The dictionary package we use carries Table 6-1 only, so these
 * few rows are kept here by hand.
 */
export interface RegistryRow {
  readonly tag: number;
  readonly name: string;
  readonly keyword: string;
  readonly vr: string;
  readonly vm: string;
  readonly retired: boolean;
}

const row = (tag: number, name: string, keyword: string, vr: string, vm = '1', retired = false): RegistryRow => ({
  tag, name, keyword, vr, vm, retired,
});

export const FILE_SET_ROWS: readonly RegistryRow[] = [
  row(0x00020000, 'File Meta Information Group Length', 'FileMetaInformationGroupLength', 'UL'),
  row(0x00020001, 'File Meta Information Version', 'FileMetaInformationVersion', 'OB'),
  row(0x00020002, 'Media Storage SOP Class UID', 'MediaStorageSOPClassUID', 'UI'),
  row(0x00020003, 'Media Storage SOP Instance UID', 'MediaStorageSOPInstanceUID', 'UI'),
  row(0x00020010, 'Transfer Syntax UID', 'TransferSyntaxUID', 'UI'),
  row(0x00020012, 'Implementation Class UID', 'ImplementationClassUID', 'UI'),
  row(0x00020013, 'Implementation Version Name', 'ImplementationVersionName', 'SH'),
  row(0x00020016, 'Source Application Entity Title', 'SourceApplicationEntityTitle', 'AE'),
  row(0x00020017, 'Sending Application Entity Title', 'SendingApplicationEntityTitle', 'AE'),
  row(0x00020018, 'Receiving Application Entity Title', 'ReceivingApplicationEntityTitle', 'AE'),
  row(0x00020026, 'Source Presentation Address', 'SourcePresentationAddress', 'UR'),
  row(0x00020027, 'Sending Presentation Address', 'SendingPresentationAddress', 'UR'),
  row(0x00020028, 'Receiving Presentation Address', 'ReceivingPresentationAddress', 'UR'),
  row(0x00020031, 'RTV Meta Information Version', 'RTVMetaInformationVersion', 'OB'),
  row(0x00020032, 'RTV Communication SOP Class UID', 'RTVCommunicationSOPClassUID', 'UI'),
  row(0x00020033, 'RTV Communication SOP Instance UID', 'RTVCommunicationSOPInstanceUID', 'UI'),
  row(0x00020035, 'RTV Source Identifier', 'RTVSourceIdentifier', 'OB'),
  row(0x00020036, 'RTV Flow Identifier', 'RTVFlowIdentifier', 'OB'),
  row(0x00020037, 'RTV Flow RTP Sampling Rate', 'RTVFlowRTPSamplingRate', 'UL'),
  row(0x00020038, 'RTV Flow Actual Frame Duration', 'RTVFlowActualFrameDuration', 'FD'),
  row(0x00020100, 'Private Information Creator UID', 'PrivateInformationCreatorUID', 'UI'),
  row(0x00020102, 'Private Information', 'PrivateInformation', 'OB'),
  row(0x00041130, 'File-set ID', 'FileSetID', 'CS'),
  row(0x00041141, 'File-set Descriptor File ID', 'FileSetDescriptorFileID', 'CS', '1-8'),
  row(0x00041142, 'Specific Character Set of File-set Descriptor File', 'SpecificCharacterSetOfFileSetDescriptorFile', 'CS'),
  row(0x00041200, 'Offset of the First Directory Record of the Root Directory Entity', 'OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity', 'UL'),
  row(0x00041202, 'Offset of the Last Directory Record of the Root Directory Entity', 'OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity', 'UL'),
  row(0x00041212, 'File-set Consistency Flag', 'FileSetConsistencyFlag', 'US'),
  row(0x00041220, 'Directory Record Sequence', 'DirectoryRecordSequence', 'SQ'),
  row(0x00041400, 'Offset of the Next Directory Record', 'OffsetOfTheNextDirectoryRecord', 'UL'),
  row(0x00041410, 'Record In-use Flag', 'RecordInUseFlag', 'US'),
  row(0x00041420, 'Offset of Referenced Lower-Level Directory Entity', 'OffsetOfReferencedLowerLevelDirectoryEntity', 'UL'),
  row(0x00041430, 'Directory Record Type', 'DirectoryRecordType', 'CS'),
  row(0x00041432, 'Private Record UID', 'PrivateRecordUID', 'UI'),
  row(0x00041500, 'Referenced File ID', 'ReferencedFileID', 'CS', '1-8'),
  row(0x00041504, 'MRDR Directory Record Offset', 'MRDRDirectoryRecordOffset', 'UL', '1', true),
  row(0x00041510, 'Referenced SOP Class UID in File', 'ReferencedSOPClassUIDInFile', 'UI'),
  row(0x00041511, 'Referenced SOP Instance UID in File', 'ReferencedSOPInstanceUIDInFile', 'UI'),
  row(0x00041512, 'Referenced Transfer Syntax UID in File', 'ReferencedTransferSyntaxUIDInFile', 'UI'),
  row(0x0004151a, 'Referenced Related General SOP Class UID in File', 'ReferencedRelatedGeneralSOPClassUIDInFile', 'UI', '1-n'),
  row(0x00041600, 'Number of References', 'NumberOfReferences', 'UL', '1', true),
  row(0xfffee000, 'Item', 'Item', 'NONE'),
  row(0xfffee00d, 'Item Delimitation Item', 'ItemDelimitationItem', 'NONE'),
  row(0xfffee0dd, 'Sequence Delimitation Item', 'SequenceDelimitationItem', 'NONE'),
];
