# Português (Brasil): os links do rodapé.
layout-footer-accessibility = Acessibilidade
layout-footer-imprint = Informações legais
layout-footer-legal = Fontes de dados e licenças
layout-footer-nav-label = Informações legais
layout-footer-privacy = Privacidade
