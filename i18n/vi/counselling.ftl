# Tư vấn: văn bản của các trang dành cho khách (lịch hẹn video).
counselling-appointments = Lịch hẹn video
counselling-appointment-line = { $at } (giờ Đức): { $status }
counselling-appointment-status-proposed = đã đề xuất, chưa trả lời
counselling-appointment-status-accepted = đã chấp nhận
counselling-appointment-status-declined = đã từ chối
counselling-appointment-join = Vào phòng video
counselling-appointment-accept = Chấp nhận lịch hẹn
counselling-appointment-decline = Từ chối lịch hẹn
counselling-appointment-accepted = Bạn đã chấp nhận lịch hẹn. Đường liên kết đến phòng video được hiển thị cùng lịch hẹn.
counselling-appointment-declined = Bạn đã từ chối lịch hẹn.
