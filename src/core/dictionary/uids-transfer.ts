/**
 * The transfer-syntax registry: DICOM PS3.6 Annex A, Table A-1, with the encoding facts a
 * parser needs and the frame decoder that reads each syntax's Pixel Data (or why none does).
 * Parse (byte order, VR style, deflate), pixels (native or encapsulated, which decoder) and
 * codecs (which codestream family) all read this one table. Names and keywords are spelled
 * exactly as the standard spells them.
 */
import type { PixelCodec, TransferSyntaxEntry } from './uids';

interface Encoding {
  readonly explicitVr: boolean;
  readonly littleEndian: boolean;
  /** The whole data set after the file meta group is one deflate (RFC 1951) stream. */
  readonly deflated: boolean;
  /** Pixel Data is encapsulated: an item sequence of fragments after a basic offset table. */
  readonly encapsulated: boolean;
}

const IMPLICIT_LE: Encoding = { explicitVr: false, littleEndian: true, deflated: false, encapsulated: false };
const EXPLICIT_LE: Encoding = { explicitVr: true, littleEndian: true, deflated: false, encapsulated: false };
const EXPLICIT_BE: Encoding = { explicitVr: true, littleEndian: false, deflated: false, encapsulated: false };
const DEFLATED_LE: Encoding = { explicitVr: true, littleEndian: true, deflated: true, encapsulated: false };
const ENCAPSULATED: Encoding = { explicitVr: true, littleEndian: true, deflated: false, encapsulated: true };

const unsupported = (because: string): PixelCodec => ({ unsupported: because });
/** Uncompressed frames; a deflated data set reaches the decoder already inflated. */
const NATIVE: PixelCodec = 'native';
const RETIRED_JPEG = unsupported('this retired JPEG process (arithmetic, progressive or hierarchical coding) has no decoder here');
const JPIP = unsupported('the pixels are on a JPIP server (Pixel Data Provider URL), not in the file');
const VIDEO = unsupported('video (MPEG-2, H.264, H.265) is not decoded');
const NOT_BINARY = unsupported('this encoding is not a binary data set');

function ts(uid: string, name: string, keyword: string, encoding: Encoding, pixels: PixelCodec, retired = false): TransferSyntaxEntry {
  return { uid, name, keyword, type: 'Transfer Syntax', retired, ...encoding, pixels };
}

export const TRANSFER_SYNTAXES: readonly TransferSyntaxEntry[] = [
  ts('1.2.840.10008.1.2', 'Implicit VR Little Endian', 'ImplicitVRLittleEndian', IMPLICIT_LE, NATIVE),
  ts('1.2.840.10008.1.2.1', 'Explicit VR Little Endian', 'ExplicitVRLittleEndian', EXPLICIT_LE, NATIVE),
  ts('1.2.840.10008.1.2.1.98', 'Encapsulated Uncompressed Explicit VR Little Endian', 'EncapsulatedUncompressedExplicitVRLittleEndian', ENCAPSULATED, unsupported('encapsulated uncompressed frames are not read yet')),
  ts('1.2.840.10008.1.2.1.99', 'Deflated Explicit VR Little Endian', 'DeflatedExplicitVRLittleEndian', DEFLATED_LE, NATIVE),
  ts('1.2.840.10008.1.2.2', 'Explicit VR Big Endian', 'ExplicitVRBigEndian', EXPLICIT_BE, NATIVE, true),

  ts('1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1)', 'JPEGBaseline8Bit', ENCAPSULATED, 'jpeg-dct'),
  ts('1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 and 4)', 'JPEGExtended12Bit', ENCAPSULATED, 'jpeg-dct'),
  ts('1.2.840.10008.1.2.4.52', 'JPEG Extended (Process 3 and 5)', 'JPEGExtended35', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.53', 'JPEG Spectral Selection, Non-Hierarchical (Process 6 and 8)', 'JPEGSpectralSelectionNonHierarchical68', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.54', 'JPEG Spectral Selection, Non-Hierarchical (Process 7 and 9)', 'JPEGSpectralSelectionNonHierarchical79', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.55', 'JPEG Full Progression, Non-Hierarchical (Process 10 and 12)', 'JPEGFullProgressionNonHierarchical1012', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.56', 'JPEG Full Progression, Non-Hierarchical (Process 11 and 13)', 'JPEGFullProgressionNonHierarchical1113', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', 'JPEGLossless', ENCAPSULATED, 'jpeg-lossless'),
  ts('1.2.840.10008.1.2.4.58', 'JPEG Lossless, Non-Hierarchical (Process 15)', 'JPEGLosslessNonHierarchical15', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.59', 'JPEG Extended, Hierarchical (Process 16 and 18)', 'JPEGExtendedHierarchical1618', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.60', 'JPEG Extended, Hierarchical (Process 17 and 19)', 'JPEGExtendedHierarchical1719', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.61', 'JPEG Spectral Selection, Hierarchical (Process 20 and 22)', 'JPEGSpectralSelectionHierarchical2022', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.62', 'JPEG Spectral Selection, Hierarchical (Process 21 and 23)', 'JPEGSpectralSelectionHierarchical2123', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.63', 'JPEG Full Progression, Hierarchical (Process 24 and 26)', 'JPEGFullProgressionHierarchical2426', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.64', 'JPEG Full Progression, Hierarchical (Process 25 and 27)', 'JPEGFullProgressionHierarchical2527', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.65', 'JPEG Lossless, Hierarchical (Process 28)', 'JPEGLosslessHierarchical28', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.66', 'JPEG Lossless, Hierarchical (Process 29)', 'JPEGLosslessHierarchical29', ENCAPSULATED, RETIRED_JPEG, true),
  ts('1.2.840.10008.1.2.4.70', 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])', 'JPEGLosslessSV1', ENCAPSULATED, 'jpeg-lossless'),

  ts('1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless Image Compression', 'JPEGLSLossless', ENCAPSULATED, 'jpeg-ls'),
  ts('1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless) Image Compression', 'JPEGLSNearLossless', ENCAPSULATED, 'jpeg-ls'),
  ts('1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)', 'JPEG2000Lossless', ENCAPSULATED, 'jpeg2000'),
  ts('1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression', 'JPEG2000', ENCAPSULATED, 'jpeg2000'),
  ts('1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', 'JPEG2000MCLossless', ENCAPSULATED, 'jpeg2000'),
  ts('1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component Image Compression', 'JPEG2000MC', ENCAPSULATED, 'jpeg2000'),
  // JPIP: the pixels live on a JPIP server, the data set only carries Pixel Data Provider URL.
  ts('1.2.840.10008.1.2.4.94', 'JPIP Referenced', 'JPIPReferenced', EXPLICIT_LE, JPIP),
  ts('1.2.840.10008.1.2.4.95', 'JPIP Referenced Deflate', 'JPIPReferencedDeflate', DEFLATED_LE, JPIP),

  ts('1.2.840.10008.1.2.4.100', 'MPEG2 Main Profile / Main Level', 'MPEG2MPML', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.100.1', 'Fragmentable MPEG2 Main Profile / Main Level', 'MPEG2MPMLF', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.101', 'MPEG2 Main Profile / High Level', 'MPEG2MPHL', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.101.1', 'Fragmentable MPEG2 Main Profile / High Level', 'MPEG2MPHLF', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.102', 'MPEG-4 AVC/H.264 High Profile / Level 4.1', 'MPEG4HP41', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.102.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1', 'MPEG4HP41F', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.103', 'MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', 'MPEG4HP41BD', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.103.1', 'Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', 'MPEG4HP41BDF', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.104', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', 'MPEG4HP422D', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.104.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', 'MPEG4HP422DF', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.105', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', 'MPEG4HP423D', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.105.1', 'Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', 'MPEG4HP423DF', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.106', 'MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', 'MPEG4HP42STEREO', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.106.1', 'Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', 'MPEG4HP42STEREOF', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.107', 'HEVC/H.265 Main Profile / Level 5.1', 'HEVCMP51', ENCAPSULATED, VIDEO),
  ts('1.2.840.10008.1.2.4.108', 'HEVC/H.265 Main 10 Profile / Level 5.1', 'HEVCM10P51', ENCAPSULATED, VIDEO),

  ts('1.2.840.10008.1.2.4.110', 'JPEG XL Lossless', 'JPEGXLLossless', ENCAPSULATED, unsupported('no JPEG XL decoder is bundled')),
  ts('1.2.840.10008.1.2.4.111', 'JPEG XL JPEG Recompression', 'JPEGXLJPEGRecompression', ENCAPSULATED, unsupported('no JPEG XL decoder is bundled')),
  ts('1.2.840.10008.1.2.4.112', 'JPEG XL', 'JPEGXL', ENCAPSULATED, unsupported('no JPEG XL decoder is bundled')),
  ts('1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', 'HTJ2KLossless', ENCAPSULATED, 'htj2k'),
  ts('1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', 'HTJ2KLosslessRPCL', ENCAPSULATED, 'htj2k'),
  ts('1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000 Image Compression', 'HTJ2K', ENCAPSULATED, 'htj2k'),
  ts('1.2.840.10008.1.2.4.204', 'JPIP HTJ2K Referenced', 'JPIPHTJ2KReferenced', EXPLICIT_LE, JPIP),
  ts('1.2.840.10008.1.2.4.205', 'JPIP HTJ2K Referenced Deflate', 'JPIPHTJ2KReferencedDeflate', DEFLATED_LE, JPIP),

  ts('1.2.840.10008.1.2.5', 'RLE Lossless', 'RLELossless', ENCAPSULATED, 'rle'),
  // MIME and XML encodings are not binary data sets at all; the flags describe the data set
  // such a document would be converted from, and a binary parser should not expect to meet them.
  ts('1.2.840.10008.1.2.6.1', 'RFC 2557 MIME encapsulation', 'RFC2557MIMEEncapsulation', EXPLICIT_LE, NOT_BINARY, true),
  ts('1.2.840.10008.1.2.6.2', 'XML Encoding', 'XMLEncoding', EXPLICIT_LE, NOT_BINARY, true),
  // SMPTE ST 2110: the essence travels in the real-time stream, not in Pixel Data.
  ts('1.2.840.10008.1.2.7.1', 'SMPTE ST 2110-20 Uncompressed Progressive Active Video', 'SMPTEST211020UncompressedProgressiveActiveVideo', EXPLICIT_LE, unsupported('SMPTE ST 2110 essence travels in the real-time stream, not in Pixel Data')),
  ts('1.2.840.10008.1.2.7.2', 'SMPTE ST 2110-20 Uncompressed Interlaced Active Video', 'SMPTEST211020UncompressedInterlacedActiveVideo', EXPLICIT_LE, unsupported('SMPTE ST 2110 essence travels in the real-time stream, not in Pixel Data')),
  ts('1.2.840.10008.1.2.7.3', 'SMPTE ST 2110-30 PCM Digital Audio', 'SMPTEST211030PCMDigitalAudio', EXPLICIT_LE, unsupported('SMPTE ST 2110 essence travels in the real-time stream, not in Pixel Data')),
  // Each frame is deflated on its own inside encapsulated Pixel Data; the data set itself is not.
  ts('1.2.840.10008.1.2.8.1', 'Deflated Image Frame Compression', 'DeflatedImageFrameCompression', ENCAPSULATED, unsupported('frames deflated one by one are not decoded yet')),
  ts('1.2.840.10008.1.20', 'Papyrus 3 Implicit VR Little Endian', 'Papyrus3ImplicitVRLittleEndian', IMPLICIT_LE, NATIVE, true),
];
