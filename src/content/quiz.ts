/**
 * Four questions to check that the service levels were understood. Answers stay on the screen:
 * nothing is stored or sent.
 */
import type { QuizQuestion } from '../domain/service-levels';

export const QUIZ: readonly QuizQuestion[] = [
  {
    id: 'level-3-vs-2',
    question: {
      vi: 'Mức độ 3 hơn mức độ 2 ở điểm nào?',
      en: 'What does level 3 add to level 2?',
    },
    options: [
      { id: 'a', label: { vi: 'Điền và gửi hồ sơ qua mạng', en: 'Filling in and sending the papers online' } },
      { id: 'b', label: { vi: 'Chỉ được xem thông tin thủ tục', en: 'Only reading about the procedure' } },
      { id: 'c', label: { vi: 'Không phải nộp lệ phí', en: 'No fee to pay' } },
    ],
    correctOptionId: 'a',
    explanation: {
      vi: 'Ở mức độ 3, bạn điền và gửi hồ sơ qua mạng. Lệ phí vẫn nộp tại cơ quan.',
      en: 'At level 3 you fill in and send the papers online. The fee is still paid at the office.',
    },
  },
  {
    id: 'level-4-fee',
    question: {
      vi: 'Ở mức độ 4, lệ phí (nếu có) được nộp thế nào?',
      en: 'At level 4, how is any fee paid?',
    },
    options: [
      { id: 'a', label: { vi: 'Mang tiền mặt lên xã', en: 'In cash at the commune office' } },
      { id: 'b', label: { vi: 'Nộp qua mạng', en: 'Online' } },
      { id: 'c', label: { vi: 'Đưa cho người làm hộ', en: 'Through someone who files for you' } },
    ],
    correctOptionId: 'b',
    explanation: {
      vi: 'Mức độ 4 cho nộp lệ phí qua mạng. Kết quả gửi qua mạng, qua bưu điện hoặc nhận tại cơ quan.',
      en: 'Level 4 lets you pay online. The result comes online, by post, or at the office.',
    },
  },
  {
    id: 'toan-trinh',
    question: {
      vi: 'Dịch vụ “toàn trình” (Nghị định 42/2022/NĐ-CP) nghĩa là gì?',
      en: 'What does a “toàn trình” service (Decree 42/2022/NĐ-CP) mean?',
    },
    options: [
      {
        id: 'a',
        label: { vi: 'Nộp qua mạng, nhưng phải lên xã nhận kết quả', en: 'Submit online, but collect the result at the commune' },
      },
      { id: 'b', label: { vi: 'Chỉ tải mẫu đơn về', en: 'Only download the forms' } },
      {
        id: 'c',
        label: {
          vi: 'Mọi bước đều qua mạng, kết quả gửi qua mạng hoặc bưu điện',
          en: 'Every step online, the result sent online or by post',
        },
      },
    ],
    correctOptionId: 'c',
    explanation: {
      vi: '“Toàn trình” là làm trọn qua mạng, gần giống mức độ 4. Nếu vẫn phải đến cơ quan thì là “một phần”.',
      en: '“Toàn trình” means fully online, close to level 4. If you still have to go to the office, it is “một phần”.',
    },
  },
  {
    id: 'any-time',
    question: {
      vi: 'Nộp hồ sơ qua mạng thì nộp được lúc nào?',
      en: 'When can you send your papers online?',
    },
    options: [
      { id: 'a', label: { vi: 'Chỉ trong giờ hành chính', en: 'Only in office hours' } },
      { id: 'b', label: { vi: 'Chỉ khi có cán bộ đến nhà', en: 'Only when an officer visits' } },
      { id: 'c', label: { vi: 'Lúc nào cũng được, kể cả buổi tối', en: 'At any time, even in the evening' } },
    ],
    correctOptionId: 'c',
    explanation: {
      vi: 'Bạn tự chọn lúc nộp. Cán bộ sẽ tiếp nhận và xử lý trong giờ làm việc.',
      en: 'You choose when to send. Officers receive and handle the file in working hours.',
    },
  },
];
