# The GraphQL interface /api/graphql (R-API-2)
graphql-error-request = The request is not a GraphQL request: POST a JSON object with "query" (and optionally "variables" and "operationName") or GET with the parameter "query".
graphql-error-invalid = The query is invalid. See "extensions.detail" for details.
graphql-error-depth = The query is nested too deeply (at most { $max } levels).
graphql-error-complexity = The query asks for too many fields (at most { $max }).
graphql-error-page-size = A page has at most { $max } entries.
graphql-error-forbidden = Your role may not query this data.
graphql-error-hidden = Your role may not read this field.
graphql-error-having = The filter "having" is not offered. Filter with "filters" or query the related records.
graphql-error-introspection = Only administrators may query the schema.
graphql-error-field = This field could not be read. Please try again.
graphql-error-internal = The GraphQL interface is not available right now. Please try again later.
