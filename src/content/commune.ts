/**
 * The commune this build serves by default. A deployment sets its own code on the server
 * (COMMUNE_CODE); the phone sends the code it was set up with on every dossier.
 * Code from the national list (Decision 19/2025/QĐ-TTg), see admin-units data.
 */
export const DEFAULT_COMMUNE = {
  code: '15865',
  name: 'Xã Hoằng Hóa',
  province: 'Tỉnh Thanh Hóa',
} as const;
