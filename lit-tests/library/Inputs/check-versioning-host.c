// Host for library/check-versioning.wat: calls the loops in and out of
// bounds and prints what each trap left in memory. The test includes the
// generated header (m_fill, m_sum, ...) with -include.
#include <stdio.h>
#include <string.h>

static uint32_t word(w2b_extern *mem, uint32_t at) {
  uint32_t v;
  memcpy(&v, mem->memory->base + at, 4);
  return v;
}

int main(void) {
  w2b_instance *inst;
  w2b_error err;
  if (m_instantiate(NULL, NULL, &inst, &err) != W2B_OK) {
    fprintf(stderr, "instantiate: %s\n", err.message);
    return 1;
  }
  w2b_extern mem;
  if (!w2b_lookup_export(inst, "mem", &mem))
    return 1;
  int32_t sum = 0;
  w2b_trap_kind t = m_fill(inst, 0, 16384);
  w2b_trap_kind u = m_sum(inst, 0, 16384, &sum);
  printf("fill(0, 16384): %s, sum %d\n", w2b_trap_message(t == W2B_TRAP_NONE ? u : t), sum);

  memset(mem.memory->base, 0, 65536);
  t = m_fill(inst, 65528, 4);
  printf("fill(65528, 4): %s; stored %u %u, 0 after\n", w2b_trap_message(t),
         word(&mem, 65528), word(&mem, 65532));

  t = m_fill(inst, (int32_t)0xfffffff8u, 4);
  printf("fill(0xfffffff8, 4): %s; low memory %u %u\n", w2b_trap_message(t),
         word(&mem, 0), word(&mem, 4));

  t = m_sum(inst, 65528, 3, &sum);
  printf("sum(65528, 3): %s\n", w2b_trap_message(t));

  memset(mem.memory->base, 0, 65536);
  t = m_fill_high(inst, 0, 2);
  printf("fill_high(0, 2): %s; stored %u\n", w2b_trap_message(t), word(&mem, 65532));

  int32_t old;
  if (m_grow(inst, 1, &old) != W2B_TRAP_NONE || old != 1)
    return 1;
  t = m_fill(inst, 65528, 4);
  printf("fill(65528, 4) after grow: %s; stored %u %u %u %u\n", w2b_trap_message(t),
         word(&mem, 65528), word(&mem, 65532), word(&mem, 65536), word(&mem, 65540));
  t = m_sum(inst, 65528, 4, &sum);
  printf("sum(65528, 4) after grow: %s, sum %d\n", w2b_trap_message(t), sum);
  w2b_free_instance(inst);
  return 0;
}
