# Português (Brasil): os textos de usuários que as páginas de convidados mostram.
users-error-email = Informe um endereço de e-mail válido, por exemplo nome@exemplo.com.br.
users-error-phone = O número de telefone pode conter apenas algarismos, espaços e + / - (pelo menos cinco algarismos).
users-field-salutation = Tratamento
users-hint-phone = Apenas algarismos, espaços e + / -, por exemplo +55 11 5187-5100.
users-salutation-divers = Diverso
users-salutation-frau = Sra.
users-salutation-herr = Sr.
users-salutation-keine = Não informado
