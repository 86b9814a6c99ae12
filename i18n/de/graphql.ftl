# Die GraphQL-Schnittstelle /api/graphql (R-API-2)
graphql-error-request = Die Anfrage ist keine GraphQL-Anfrage: Senden Sie per POST ein JSON-Objekt mit „query“ (und optional „variables“ und „operationName“) oder per GET den Parameter „query“.
graphql-error-invalid = Die Abfrage ist ungültig. Einzelheiten stehen unter „extensions.detail“.
graphql-error-depth = Die Abfrage ist zu tief verschachtelt (höchstens { $max } Ebenen).
graphql-error-complexity = Die Abfrage fragt zu viele Felder ab (höchstens { $max }).
graphql-error-page-size = Eine Seite hat höchstens { $max } Einträge.
graphql-error-forbidden = Ihre Rolle darf diese Daten nicht abfragen.
graphql-error-hidden = Ihre Rolle darf dieses Feld nicht lesen.
graphql-error-having = Der Filter „having“ wird nicht angeboten. Filtern Sie mit „filters“ oder fragen Sie die verknüpften Datensätze ab.
graphql-error-introspection = Das Schema dürfen nur Administratorinnen und Administratoren abfragen.
graphql-error-field = Dieses Feld konnte nicht gelesen werden. Bitte versuchen Sie es erneut.
graphql-error-internal = Die GraphQL-Schnittstelle ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut.
