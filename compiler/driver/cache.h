// The compiled-artifact cache (SPEC §3): content-addressed files under
// $PYXC_CACHE_DIR (default ~/.cache/pyxc), one per key.
//
// An entry is one file `v1/<key[0:2]>/<key>`: a header line
// `pyxc-cache-entry 1 <sha256 of payload> <payload size>` and the payload
// (the extension module). It is written to a temporary name and renamed,
// so a reader sees a whole entry or none; two builds storing the same key
// write the same bytes, whichever rename wins. A reader checks the digest
// before using an entry: a corrupt one is deleted and reported as a miss.
// Hits touch the entry's mtime, which is what pruning orders by (LRU; atime
// is unreliable under relatime/noatime).
#pragma once

#include <cstdint>
#include <string>

namespace pyxc::driver {

struct CacheStats {
  uint64_t entries = 0;
  uint64_t bytes = 0;
  uint64_t hits = 0;    // recorded by builds since the last `cache clean`
  uint64_t misses = 0;
  uint64_t corrupt = 0;
};

enum class CacheLookup { Hit, Miss, Corrupt };

class ArtifactCache {
 public:
  ArtifactCache(std::string dir, uint64_t maxBytes) : dir_(std::move(dir)), maxBytes_(maxBytes) {}

  // $PYXC_CACHE_DIR, else $XDG_CACHE_HOME/pyxc, else ~/.cache/pyxc.
  static std::string defaultDir();
  // $PYXC_CACHE_MAX_SIZE (e.g. "500M", "2G"), else 2 GiB. 0 on a bad value
  // with `error` set.
  static uint64_t defaultMaxBytes(std::string& error);

  const std::string& dir() const { return dir_; }
  uint64_t maxBytes() const { return maxBytes_; }

  // Copies the entry for `key` to `dest` (atomically) when it is present
  // and intact.
  CacheLookup fetch(const std::string& key, const std::string& dest, std::string& error) const;
  bool store(const std::string& key, const std::string& file, std::string& error) const;

  // Removes least recently used entries until at most `targetBytes` remain
  // (and leftover temporary files of crashed writers); returns bytes freed.
  uint64_t prune(uint64_t targetBytes) const;
  // After a build that stored entries: prunes to 90% of the limit once the
  // limit is exceeded, so that not every build pays for a prune.
  void pruneIfOverLimit() const;

  CacheStats stats() const;
  void addCounts(uint64_t hits, uint64_t misses, uint64_t corrupt) const;
  uint64_t clean() const;  // removes every entry; returns the count

 private:
  std::string entryPath(const std::string& key) const;
  std::string dir_;
  uint64_t maxBytes_;
};

// "123", "10K", "500M", "2G" (powers of 1024); false on anything else.
bool parseSize(const std::string& text, uint64_t& bytes);
std::string formatSize(uint64_t bytes);

}  // namespace pyxc::driver
