/** The web app manifest: what the phone shows when the app is installed to the home screen. */
export const THEME_COLOR = '#0b4f8a';

export const MANIFEST = {
  name: 'Một Cửa Lưu Động',
  short_name: 'Một Cửa',
  description: 'Hướng dẫn và nộp hồ sơ dịch vụ công trực tuyến cùng Tổ công tác Đề án 06, kể cả khi không có mạng.',
  lang: 'vi',
  dir: 'ltr' as const,
  start_url: '/?source=pwa',
  scope: '/',
  id: '/',
  display: 'standalone' as const,
  orientation: 'any' as const,
  background_color: '#ffffff',
  theme_color: THEME_COLOR,
  categories: ['government', 'utilities'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
