#include "compiler/driver/cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "compiler/driver/sha256.h"

namespace fs = std::filesystem;

namespace pyxc::driver {
namespace {

constexpr const char* kLayout = "v1";
constexpr const char* kMagic = "pyxc-cache-entry 1";

bool readFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return !in.bad();
}

// Unique per process and thread, so concurrent writers never share a name.
std::string tempSuffix() {
  static std::atomic<unsigned> counter{0};
  return ".tmp" + std::to_string(getpid()) + "." + std::to_string(counter++);
}

bool writeAtomically(const fs::path& target, const std::string& header, const std::string& payload) {
  fs::path tmp = target.parent_path() / ("." + target.filename().string() + tempSuffix());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << header << payload;
    if (!out.flush()) {
      out.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

struct Entry {
  fs::path path;
  uint64_t size;
  fs::file_time_type used;
};

// Entries and temporary files (names starting with '.').
void scan(const fs::path& root, std::vector<Entry>& entries, std::vector<Entry>* temporaries) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    Entry e{it->path(), it->file_size(ec), it->last_write_time(ec)};
    if (ec) continue;
    if (e.path.filename().string().front() == '.') {
      if (temporaries) temporaries->push_back(e);
    } else {
      entries.push_back(e);
    }
  }
}

}  // namespace

std::string ArtifactCache::defaultDir() {
  if (const char* env = std::getenv("PYXC_CACHE_DIR"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return (fs::path(xdg) / "pyxc").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : "/tmp") / ".cache" / "pyxc").string();
}

uint64_t ArtifactCache::defaultMaxBytes(std::string& error) {
  const char* env = std::getenv("PYXC_CACHE_MAX_SIZE");
  if (!env || !*env) return uint64_t{2} << 30;
  uint64_t bytes = 0;
  if (!parseSize(env, bytes)) {
    error = std::string("PYXC_CACHE_MAX_SIZE='") + env + "' is not a size (e.g. 500M, 2G)";
    return 0;
  }
  return bytes;
}

std::string ArtifactCache::entryPath(const std::string& key) const {
  return (fs::path(dir_) / kLayout / key.substr(0, 2) / key).string();
}

CacheLookup ArtifactCache::fetch(const std::string& key, const std::string& dest, std::string& error) const {
  fs::path path = entryPath(key);
  std::string contents;
  if (!readFile(path, contents)) return CacheLookup::Miss;
  size_t newline = contents.find('\n');
  std::istringstream header(contents.substr(0, newline == std::string::npos ? 0 : newline));
  std::string magic1, magic2, digest;
  uint64_t size = 0;
  header >> magic1 >> magic2 >> digest >> size;
  std::string_view payload;
  if (newline != std::string::npos) payload = std::string_view(contents).substr(newline + 1);
  if (magic1 + " " + magic2 != kMagic || payload.size() != size || sha256Hex(payload) != digest) {
    std::error_code ec;
    fs::remove(path, ec);  // never loaded; the caller rebuilds and stores it again
    return CacheLookup::Corrupt;
  }
  fs::path target(dest);
  fs::path tmp = target.parent_path() / ("." + target.filename().string() + tempSuffix());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << payload;
    if (!out.flush()) {
      error = "cannot write " + tmp.string();
      return CacheLookup::Miss;
    }
  }
  std::error_code ec;
  fs::permissions(tmp, fs::perms(0755), ec);
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    error = "cannot write " + target.string();
    return CacheLookup::Miss;
  }
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);  // LRU
  return CacheLookup::Hit;
}

bool ArtifactCache::store(const std::string& key, const std::string& file, std::string& error) const {
  std::string payload;
  if (!readFile(file, payload)) {
    error = "cannot read " + file;
    return false;
  }
  fs::path path = entryPath(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::string header = std::string(kMagic) + " " + sha256Hex(payload) + " " + std::to_string(payload.size()) + "\n";
  if (ec || !writeAtomically(path, header, payload)) {
    error = "cannot write the cache entry " + path.string();
    return false;
  }
  return true;
}

uint64_t ArtifactCache::prune(uint64_t targetBytes) const {
  std::vector<Entry> entries, temporaries;
  scan(fs::path(dir_) / kLayout, entries, &temporaries);
  std::error_code ec;
  uint64_t freed = 0;
  // A temporary file an hour old belongs to a writer that died.
  auto staleBefore = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& t : temporaries)
    if (t.used < staleBefore && fs::remove(t.path, ec)) freed += t.size;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  uint64_t total = 0;
  for (const auto& e : entries) total += e.size;
  for (const auto& e : entries) {
    if (total <= targetBytes) break;
    if (fs::remove(e.path, ec)) {
      total -= e.size;
      freed += e.size;
    }
  }
  return freed;
}

void ArtifactCache::pruneIfOverLimit() const {
  std::vector<Entry> entries;
  scan(fs::path(dir_) / kLayout, entries, nullptr);
  uint64_t total = 0;
  for (const auto& e : entries) total += e.size;
  if (total > maxBytes_) prune(maxBytes_ / 10 * 9);
}

CacheStats ArtifactCache::stats() const {
  CacheStats s;
  std::vector<Entry> entries;
  scan(fs::path(dir_) / kLayout, entries, nullptr);
  s.entries = entries.size();
  for (const auto& e : entries) s.bytes += e.size;
  std::string text;
  if (readFile(fs::path(dir_) / "stats", text)) {
    std::istringstream in(text);
    in >> s.hits >> s.misses >> s.corrupt;
  }
  return s;
}

void ArtifactCache::addCounts(uint64_t hits, uint64_t misses, uint64_t corrupt) const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  // Read-modify-write under an exclusive lock: concurrent builds add up.
  int fd = open((fs::path(dir_) / "stats").c_str(), O_RDWR | O_CREAT, 0644);
  if (fd < 0) return;
  if (flock(fd, LOCK_EX) == 0) {
    char buf[128] = {};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    uint64_t h = 0, m = 0, c = 0;
    if (n > 0) std::sscanf(buf, "%lu %lu %lu", &h, &m, &c);
    std::string text = std::to_string(h + hits) + " " + std::to_string(m + misses) + " " +
                       std::to_string(c + corrupt) + "\n";
    if (ftruncate(fd, 0) == 0 && pwrite(fd, text.data(), text.size(), 0) < 0) {
      // Counters are informational; a failed write loses one build's counts.
    }
    flock(fd, LOCK_UN);
  }
  close(fd);
}

uint64_t ArtifactCache::clean() const {
  std::vector<Entry> entries;
  scan(fs::path(dir_) / kLayout, entries, nullptr);
  std::error_code ec;
  fs::remove_all(fs::path(dir_) / kLayout, ec);
  fs::remove(fs::path(dir_) / "stats", ec);
  return entries.size();
}

bool parseSize(const std::string& text, uint64_t& bytes) {
  if (text.empty()) return false;
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 15) return false;
  uint64_t value = std::stoull(text.substr(0, digits));
  std::string unit = text.substr(digits);
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b') && unit.size() > 1) unit.pop_back();
  int shift = 0;
  if (unit.empty() || unit == "B" || unit == "b") shift = 0;
  else if (unit == "K" || unit == "k") shift = 10;
  else if (unit == "M" || unit == "m") shift = 20;
  else if (unit == "G" || unit == "g") shift = 30;
  else return false;
  if (value > (UINT64_MAX >> shift)) return false;
  bytes = value << shift;
  return true;
}

std::string formatSize(uint64_t bytes) {
  char buf[64];
  if (bytes >= (uint64_t{1} << 30)) std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / double(1 << 30));
  else if (bytes >= (1 << 20)) std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / double(1 << 20));
  else if (bytes >= (1 << 10)) std::snprintf(buf, sizeof buf, "%.1f KiB", bytes / double(1 << 10));
  else std::snprintf(buf, sizeof buf, "%lu B", static_cast<unsigned long>(bytes));
  return buf;
}

}  // namespace pyxc::driver
