//===- Errno.cpp - Host errno to WASI errno
//--------------------------------===//
#include "Errno.h"

#include <errno.h>

namespace w2b {
namespace wasi {

Errno errnoFromHost(int hostErrno) {
  switch (hostErrno) {
  case 0:
    return kSuccess;
#ifdef E2BIG
  case E2BIG:
    return k2big;
#endif
#ifdef EACCES
  case EACCES:
    return kAcces;
#endif
#ifdef EADDRINUSE
  case EADDRINUSE:
    return kAddrinuse;
#endif
#ifdef EADDRNOTAVAIL
  case EADDRNOTAVAIL:
    return kAddrnotavail;
#endif
#ifdef EAFNOSUPPORT
  case EAFNOSUPPORT:
    return kAfnosupport;
#endif
#ifdef EAGAIN
  case EAGAIN:
    return kAgain;
#endif
#ifdef EALREADY
  case EALREADY:
    return kAlready;
#endif
#ifdef EBADF
  case EBADF:
    return kBadf;
#endif
#ifdef EBADMSG
  case EBADMSG:
    return kBadmsg;
#endif
#ifdef EBUSY
  case EBUSY:
    return kBusy;
#endif
#ifdef ECANCELED
  case ECANCELED:
    return kCanceled;
#endif
#ifdef ECHILD
  case ECHILD:
    return kChild;
#endif
#ifdef ECONNABORTED
  case ECONNABORTED:
    return kConnaborted;
#endif
#ifdef ECONNREFUSED
  case ECONNREFUSED:
    return kConnrefused;
#endif
#ifdef ECONNRESET
  case ECONNRESET:
    return kConnreset;
#endif
#ifdef EDEADLK
  case EDEADLK:
    return kDeadlk;
#endif
#ifdef EDESTADDRREQ
  case EDESTADDRREQ:
    return kDestaddrreq;
#endif
#ifdef EDOM
  case EDOM:
    return kDom;
#endif
#ifdef EDQUOT
  case EDQUOT:
    return kDquot;
#endif
#ifdef EEXIST
  case EEXIST:
    return kExist;
#endif
#ifdef EFAULT
  case EFAULT:
    return kFault;
#endif
#ifdef EFBIG
  case EFBIG:
    return kFbig;
#endif
#ifdef EHOSTUNREACH
  case EHOSTUNREACH:
    return kHostunreach;
#endif
#ifdef EIDRM
  case EIDRM:
    return kIdrm;
#endif
#ifdef EILSEQ
  case EILSEQ:
    return kIlseq;
#endif
#ifdef EINPROGRESS
  case EINPROGRESS:
    return kInprogress;
#endif
#ifdef EINTR
  case EINTR:
    return kIntr;
#endif
#ifdef EINVAL
  case EINVAL:
    return kInval;
#endif
#ifdef EIO
  case EIO:
    return kIo;
#endif
#ifdef EISCONN
  case EISCONN:
    return kIsconn;
#endif
#ifdef EISDIR
  case EISDIR:
    return kIsdir;
#endif
#ifdef ELOOP
  case ELOOP:
    return kLoop;
#endif
#ifdef EMFILE
  case EMFILE:
    return kMfile;
#endif
#ifdef EMLINK
  case EMLINK:
    return kMlink;
#endif
#ifdef EMSGSIZE
  case EMSGSIZE:
    return kMsgsize;
#endif
#ifdef EMULTIHOP
  case EMULTIHOP:
    return kMultihop;
#endif
#ifdef ENAMETOOLONG
  case ENAMETOOLONG:
    return kNametoolong;
#endif
#ifdef ENETDOWN
  case ENETDOWN:
    return kNetdown;
#endif
#ifdef ENETRESET
  case ENETRESET:
    return kNetreset;
#endif
#ifdef ENETUNREACH
  case ENETUNREACH:
    return kNetunreach;
#endif
#ifdef ENFILE
  case ENFILE:
    return kNfile;
#endif
#ifdef ENOBUFS
  case ENOBUFS:
    return kNobufs;
#endif
#ifdef ENODEV
  case ENODEV:
    return kNodev;
#endif
#ifdef ENOENT
  case ENOENT:
    return kNoent;
#endif
#ifdef ENOEXEC
  case ENOEXEC:
    return kNoexec;
#endif
#ifdef ENOLCK
  case ENOLCK:
    return kNolck;
#endif
#ifdef ENOLINK
  case ENOLINK:
    return kNolink;
#endif
#ifdef ENOMEM
  case ENOMEM:
    return kNomem;
#endif
#ifdef ENOMSG
  case ENOMSG:
    return kNomsg;
#endif
#ifdef ENOPROTOOPT
  case ENOPROTOOPT:
    return kNoprotoopt;
#endif
#ifdef ENOSPC
  case ENOSPC:
    return kNospc;
#endif
#ifdef ENOSYS
  case ENOSYS:
    return kNosys;
#endif
#ifdef ENOTCONN
  case ENOTCONN:
    return kNotconn;
#endif
#ifdef ENOTDIR
  case ENOTDIR:
    return kNotdir;
#endif
#ifdef ENOTEMPTY
  case ENOTEMPTY:
    return kNotempty;
#endif
#ifdef ENOTRECOVERABLE
  case ENOTRECOVERABLE:
    return kNotrecoverable;
#endif
#ifdef ENOTSOCK
  case ENOTSOCK:
    return kNotsock;
#endif
#ifdef ENOTSUP
  case ENOTSUP:
    return kNotsup;
#endif
#ifdef ENOTTY
  case ENOTTY:
    return kNotty;
#endif
#ifdef ENXIO
  case ENXIO:
    return kNxio;
#endif
#ifdef EOVERFLOW
  case EOVERFLOW:
    return kOverflow;
#endif
#ifdef EOWNERDEAD
  case EOWNERDEAD:
    return kOwnerdead;
#endif
#ifdef EPERM
  case EPERM:
    return kPerm;
#endif
#ifdef EPIPE
  case EPIPE:
    return kPipe;
#endif
#ifdef EPROTO
  case EPROTO:
    return kProto;
#endif
#ifdef EPROTONOSUPPORT
  case EPROTONOSUPPORT:
    return kProtonosupport;
#endif
#ifdef EPROTOTYPE
  case EPROTOTYPE:
    return kPrototype;
#endif
#ifdef ERANGE
  case ERANGE:
    return kRange;
#endif
#ifdef EROFS
  case EROFS:
    return kRofs;
#endif
#ifdef ESPIPE
  case ESPIPE:
    return kSpipe;
#endif
#ifdef ESRCH
  case ESRCH:
    return kSrch;
#endif
#ifdef ESTALE
  case ESTALE:
    return kStale;
#endif
#ifdef ETIMEDOUT
  case ETIMEDOUT:
    return kTimedout;
#endif
#ifdef ETXTBSY
  case ETXTBSY:
    return kTxtbsy;
#endif
#ifdef EXDEV
  case EXDEV:
    return kXdev;
#endif
  default:
    return kIo;
  }
}

} // namespace wasi
} // namespace w2b
