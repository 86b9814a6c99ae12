# Português (Brasil): os textos das páginas de autocadastro (convidados) e do e-mail de convite.
applicants-error-age = A idade na entrada (ou hoje, enquanto não houver data de entrada) deve estar entre 16 e 70 anos.
applicants-error-birth-date = Informe a data de nascimento.
applicants-error-experience = Informe os anos de experiência como número inteiro de 0 a 60.
applicants-error-last-name = Informe o sobrenome.
applicants-field-birth-date = Data de nascimento
applicants-field-certificate-date = Data do certificado
applicants-field-certificate-level = Nível do certificado
applicants-field-email = E-mail
applicants-field-experience = Anos de experiência
applicants-field-first-names = Nome(s)
applicants-field-german-level = Nível de alemão
applicants-field-last-name = Sobrenome
applicants-field-nationality = Nacionalidade
applicants-field-occupation = Profissão pretendida
applicants-field-phone = Telefone
applicants-field-qualification = Qualificação profissional
applicants-field-residence = Local de residência
applicants-hint-birth-date = A idade na entrada deve estar entre 16 e 70 anos.
applicants-hint-names = Todos os nomes como no passaporte. São permitidas letras de qualquer alfabeto (por exemplo Nguyễn, Conceição, प्रिया).
applicants-inv-mail-subject = Seu convite para o cadastro no programa "Hand in Hand for International Talents"
applicants-inv-mail-body = Olá,

    você foi convidado(a) a se cadastrar no programa "Hand in Hand for International Talents". Abra este link (válido por { $days } dias, pode ser usado uma vez):

    { $link }

    Atenciosamente
    Sua Câmara de Comércio e Indústria Brasil-Alemanha
applicants-level-a1 = A1
applicants-level-a2 = A2
applicants-level-b1 = B1
applicants-level-b2 = B2
applicants-level-c1 = C1
applicants-level-c2 = C2
applicants-reg-back = Voltar
applicants-reg-consent-accept = Li a declaração e dou meu consentimento.
applicants-reg-consent-text = Autorizo a Câmara de Comércio e Indústria Alemã no exterior e as câmaras de indústria e comércio que participam do programa "Hand in Hand for International Talents" a armazenar e tratar os dados que informo aqui, para me apoiar na busca de emprego na Alemanha. Os dados são usados somente para este programa e excluídos quando ele terminar. Posso revogar meu consentimento a qualquer momento, com efeito para o futuro.
applicants-reg-consent-title = Consentimento para o tratamento de dados
applicants-reg-error-consent = Confirme seu consentimento para continuar.
applicants-reg-gone-text = Este link não pode (mais) ser usado. Em caso de dúvidas, entre em contato com a Câmara de Comércio Alemã no exterior que enviou o convite.
applicants-reg-gone-title = Cadastro
applicants-reg-intro = Bem-vindo(a)! Com este formulário você se cadastra no programa "Hand in Hand for International Talents". São três etapas: dados pessoais, qualificação, idiomas. Depois você confere seus dados e os envia.
applicants-reg-next = Avançar
applicants-reg-progress = Progresso
applicants-reg-review-intro = Confira seus dados. Use "Voltar" para alterá-los. Depois do envio, o link não poderá mais ser usado.
applicants-reg-step-languages = Conhecimentos de idiomas
applicants-reg-step-of = Etapa { $number } de { $total }
applicants-reg-step-person = Dados pessoais
applicants-reg-step-qualification = Qualificação
applicants-reg-step-review = Conferir e enviar
applicants-reg-submit = Enviar
applicants-reg-thanks-title = Obrigado
applicants-reg-thanks-next = A Câmara de Comércio no exterior que convidou você entrará em contato. Você já pode fechar esta janela.
applicants-reg-submitted = Obrigado! Seu cadastro foi enviado e agora será analisado.
