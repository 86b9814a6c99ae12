# Aconselhamento: textos das páginas de convidados (marcações de vídeo).
counselling-appointments = Consultas por vídeo
counselling-appointment-line = { $at } (hora alemã): { $status }
counselling-appointment-status-proposed = proposta, ainda sem resposta
counselling-appointment-status-accepted = confirmada
counselling-appointment-status-declined = recusada
counselling-appointment-join = Entrar na sala de vídeo
counselling-appointment-accept = Confirmar consulta
counselling-appointment-decline = Recusar consulta
counselling-appointment-accepted = Você confirmou a consulta. O link para a sala de vídeo aparece junto à consulta.
counselling-appointment-declined = Você recusou a consulta.
