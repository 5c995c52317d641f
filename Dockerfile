# The service's image for docker-compose.yml: the lock file's dependencies, then the built code.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV TS_NODE_BASEURL=./dist DATA_DIR=/data
CMD ["node", "-r", "tsconfig-paths/register", "dist/apps/api/src/main.js"]
