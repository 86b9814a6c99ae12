# Português (Brasil): os textos da plataforma que as páginas de convidados mostram.
app-name = Banco de dados do projeto HiH
error-back-home = Voltar à página inicial
error-not-found = A página ou o registro não foi encontrado.
error-status = Código de erro { $status }
error-title = Algo deu errado
form-choose = Escolha
form-error-prefix = Erro:
form-error-summary-title = Corrija o seguinte:
form-optional = (opcional)
layout-footer = Hand in Hand for International Talents – banco de dados do projeto
layout-language-label = Idioma
layout-skip-link = Ir para o conteúdo
record-empty = não informado
record-empty-mark = –
layout-guest-brand = Hand in Hand for International Talents
layout-guest-privacy = Aviso de privacidade
error-upload-too-large = Os dados enviados são grandes demais (no máximo 20 MiB). Escolha um arquivo menor.

form-record-start = Gravar mensagem de voz
form-record-stop = Parar gravação
form-record-running = Gravando. Pare com “Parar gravação”.
form-record-done = A mensagem de voz foi gravada e será enviada com o formulário. Você pode ouvi-la antes.
form-record-denied = O microfone não está disponível. Você pode escolher um arquivo de áudio.
