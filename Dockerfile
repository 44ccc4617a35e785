# syntax=docker/dockerfile:1

# Build: full install (TypeScript, Nest CLI), compile to dist/.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# Runtime: production dependencies and the compiled app only.
FROM node:24-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# The start command: node with the memory settings (docs/operations.md#memory).
COPY --from=build /app/scripts/start-api.sh ./scripts/start-api.sh
# The seed reads the source article at run time (seeds/source, from the cwd).
COPY --from=build /app/seeds/source ./seeds/source
# Without DATABASE_URL the app keeps an embedded PostgreSQL in .data/.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["scripts/start-api.sh"]
