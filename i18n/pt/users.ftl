# Português (Brasil): os textos de usuários que as páginas de convidados mostram.
users-error-email = Informe um endereço de e-mail válido, por exemplo nome@exemplo.com.br.
users-error-phone = O número de telefone pode conter apenas algarismos, espaços e + / - (pelo menos cinco algarismos).
users-field-salutation = Tratamento
users-hint-phone = Apenas algarismos, espaços e + / -, por exemplo +55 11 5187-5100.
users-salutation-divers = Diverso
users-salutation-frau = Sra.
users-salutation-herr = Sr.
users-salutation-keine = Não informado
users-pw-too-short = A senha é curta demais: deve ter pelo menos { $min } caracteres.
users-pw-mixed-case = A senha deve conter letras maiúsculas e minúsculas.
users-pw-special = A senha deve conter pelo menos um caractere especial (por exemplo ! ? - # %).
users-pw-digits = A senha deve conter pelo menos { $count } algarismos.
users-pw-contains-name = A senha não pode conter o seu nome de usuário nem o seu endereço de e-mail.
users-pw-common = Esta senha é comum demais e fácil de adivinhar. Escolha outra.
